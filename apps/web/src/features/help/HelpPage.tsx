// One guide page, rendered from its Markdown, with the list of guides beside it. Links between
// guide pages stay inside the app; switching the interface language opens the same page in it.
import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { Anchor, Grid, NavLink, Paper, Stack, Text, Typography } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { asLocale } from '../../app/i18n';
import { ErrorState, LoadingState } from '../../components/States';
import { NotFoundPage } from '../../app/guards';
import { guideImageUrl, loadGuide } from './guideSources';
import { renderGuide } from './renderGuide';
import { asTopic, GLOSSARY, GUIDE_PAGES, helpPath, type HelpLanguage, type HelpTopic } from './topics';
import './helpI18n';
import './help.css';

// The side list: every task guide, then the glossary.
const CONTENTS: readonly HelpTopic[] = [...GUIDE_PAGES, GLOSSARY];

/** The page for /help/:lang/:topic. */
export function HelpPage() {
  const params = useParams();
  const language = asLocale(params.lang);
  const topic = asTopic(params.topic);
  if (!language || !topic) return <NotFoundPage />;
  return <GuideView language={language} topic={topic} />;
}

function GuideView({ language, topic }: { language: HelpLanguage; topic: HelpTopic }) {
  const { t, i18n } = useTranslation('help');
  const navigate = useNavigate();
  const guide = useQuery({
    queryKey: ['help', language, topic],
    queryFn: async () => {
      const markdown = await loadGuide(language, topic);
      return markdown === undefined ? null : renderGuide(markdown, { language, topic, imageUrl: guideImageUrl });
    },
    staleTime: Infinity,
  });

  // The header's language menu changes the interface language: follow it to the same page.
  const shown = useRef(i18n.language);
  useEffect(() => {
    const next = asLocale(i18n.language);
    if (shown.current !== i18n.language && next && next !== language) void navigate(helpPath(next, topic));
    shown.current = i18n.language;
  }, [i18n.language, language, topic, navigate]);

  const html = useMemo(() => ({ __html: guide.data ?? '' }), [guide.data]);
  const other: HelpLanguage = language === 'fr' ? 'en' : 'fr';

  // Links between guide pages are ordinary anchors in the rendered HTML: route them in the app.
  const followLink = (event: MouseEvent<HTMLDivElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as HTMLElement).closest('a[data-help-link]');
    const href = anchor?.getAttribute('href');
    if (!href) return;
    event.preventDefault();
    void navigate(href);
  };

  return (
    <Grid gap="lg">
      {/* On a tablet or phone the page comes first and the list of guides after it. */}
      <Grid.Col span={{ base: 12, md: 3 }} order={{ base: 2, md: 1 }}>
        <Stack gap={2} component="nav" aria-label={t('contents')}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
            {t('title')}
          </Text>
          {CONTENTS.map((page) => (
            <NavLink
              key={page}
              component={Link}
              to={helpPath(language, page)}
              label={t(`topics.${page}`, { lng: language })}
              active={page === topic}
              aria-current={page === topic ? 'page' : undefined}
            />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }} order={{ base: 1, md: 2 }}>
        <Stack gap="sm">
          <Anchor component={Link} to={helpPath(other, topic)} size="sm" lang={other} style={{ alignSelf: 'flex-end' }}>
            {t('otherLanguage')}
          </Anchor>
          {guide.isPending ? (
            <LoadingState />
          ) : guide.isError ? (
            <ErrorState error={guide.error} title={t('loadFailed')} onRetry={() => void guide.refetch()} />
          ) : guide.data === null ? (
            <NotFoundPage />
          ) : (
            <Paper withBorder p="lg" radius="md">
              <Typography>
                {/* Safe: rendered from the project's own Markdown with raw HTML escaped (renderGuide). */}
                <div className="help-guide" lang={language} onClick={followLink} dangerouslySetInnerHTML={html} />
              </Typography>
            </Paper>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
