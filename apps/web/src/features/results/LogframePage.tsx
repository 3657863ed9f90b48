// The logframe (/results/logframe): goal → objectives → outputs → activities, each with its
// indicators and their progress towards the total target (cumulative to today).
import { Anchor, Badge, Box, Group, List, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IndicatorValue } from '@taama/core';
import { apiRequest } from '../../api/client';
import { currentLocale } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/States';
import { resultsApi, resultsKeys } from './api';
import { TargetProgress } from './shared';

interface LogframeNode {
  code: string;
  parent: string | null;
  kind: 'goal' | 'objective' | 'output' | 'activity';
  title: { fr: string; en: string };
  partner: string | null;
  indicators: string[];
}

/** Builds the children lists of the tree, keeping the server's order. */
export function childrenOf(nodes: readonly LogframeNode[]): Map<string | null, LogframeNode[]> {
  const map = new Map<string | null, LogframeNode[]>();
  const known = new Set(nodes.map((n) => n.code));
  for (const node of nodes) {
    // An orphan (its parent unknown) is shown at the top rather than lost.
    const parent = node.parent && known.has(node.parent) ? node.parent : null;
    map.set(parent, [...(map.get(parent) ?? []), node]);
  }
  return map;
}

function Node({ node, tree, values }: { node: LogframeNode; tree: Map<string | null, LogframeNode[]>; values: Map<string, IndicatorValue> }) {
  const { t } = useTranslation();
  const children = tree.get(node.code) ?? [];
  return (
    <List.Item>
      <Group gap="xs">
        <Badge variant="light" size="sm">{t(`results:enum.logframeKind.${node.kind}`)}</Badge>
        <Text fw={600}>{node.code}</Text>
        <Text>{node.title[currentLocale()]}</Text>
        {node.partner && <Text size="sm" c="dimmed">({node.partner})</Text>}
      </Group>
      {node.indicators.length > 0 && (
        <Box ml="md" my={4}>
          {node.indicators.map((code) => {
            const v = values.get(code);
            return (
              <Group key={code} gap="sm" wrap="nowrap">
                <Anchor component={Link} to={`/results/indicators/${encodeURIComponent(code)}`} size="sm">{code}</Anchor>
                <Text size="sm" lineClamp={1} maw={420}>{v?.title ?? ''}</Text>
                {v && v.available ? <TargetProgress cumulative={v.cumulative} target={v.target} label={code} /> : <Text size="xs" c="dimmed">{t('results:dashboard.unavailable')}</Text>}
              </Group>
            );
          })}
        </Box>
      )}
      {children.length > 0 && (
        <List withPadding listStyleType="none">
          {children.map((c) => <Node key={c.code} node={c} tree={tree} values={values} />)}
        </List>
      )}
    </List.Item>
  );
}

/** The logframe tree. */
export default function LogframePage() {
  const { t, i18n } = useTranslation();
  const frame = useQuery({ queryKey: ['logframe'], queryFn: () => apiRequest<{ items: LogframeNode[] }>('/logframe') });
  const to = new Date().toISOString().slice(0, 10);
  const values = useQuery({ queryKey: [...resultsKeys.indicators, 'logframe', to, i18n.language], queryFn: () => resultsApi.indicators({ from: `${to.slice(0, 4)}-01-01`, to }) });
  const byCode = new Map((values.data?.items ?? []).map((v) => [v.code, v]));
  const tree = childrenOf(frame.data?.items ?? []);
  return (
    <>
      <PageHeader title={t('results:logframe.title')} description={t('results:logframe.description')} />
      {frame.isPending ? (
        <LoadingState />
      ) : frame.isError ? (
        <ErrorState error={frame.error} onRetry={() => void frame.refetch()} />
      ) : (
        <Paper withBorder p="md">
          <List listStyleType="none" spacing="xs">
            {(tree.get(null) ?? []).map((n) => <Node key={n.code} node={n} tree={tree} values={byCode} />)}
          </List>
        </Paper>
      )}
    </>
  );
}
