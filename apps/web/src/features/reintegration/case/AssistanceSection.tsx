// Assistance items of a case: status changes (approve, deliver, cancel), instalments disbursed
// against the planned amount, and the handover certificate (upload and view).
import { useState, type FormEvent } from 'react';
import { Anchor, Button, FileButton, Group, NumberInput, Paper, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { describeError } from '../../../app/errors';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { fieldError, formatDay, today } from '../../registry/shared';
import { certificateUrl, reintegrationApi, uploadCertificate } from '../api';
import { formatXof, ItemStatusBadge } from '../shared';
import { ASSISTANCE_TRANSITIONS, type AssistanceItem, type ReintegrationCase } from '../types';
import { emptyItem, ItemRow, toInput, type DraftItem } from './PlanBuilder';
import { SatisfactionSection } from './SatisfactionSection';
import { useCaseRefresh } from './useCaseRefresh';

const CERTIFICATE_TYPES = 'application/pdf,image/jpeg,image/png';

/** Buttons for the moves an item may make, dated today. */
function ItemStatusButtons({ caseId, item }: { caseId: string; item: AssistanceItem }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(caseId);
  const move = useMutation({
    mutationFn: (to: 'approved' | 'delivered' | 'cancelled') => reintegrationApi.itemStatus(caseId, item.id, to, today()),
    onSuccess: refresh,
    onError: (error) => notifications.show({ color: 'red', message: describeError(t, error) }),
  });
  return (
    <Group gap={4}>
      {ASSISTANCE_TRANSITIONS[item.status].map((to) =>
        to === 'planned' ? null : (
          <Button key={to} size="compact-sm" variant={to === 'cancelled' ? 'subtle' : 'light'} color={to === 'cancelled' ? 'gray' : undefined} loading={move.isPending && move.variables === to} onClick={() => move.mutate(to)}>
            {t(`reintegration:assistance.moveTo.${to}`)}
          </Button>
        ),
      )}
    </Group>
  );
}

/** Records one instalment of an item. */
function InstalmentForm({ caseId, item }: { caseId: string; item: AssistanceItem }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(caseId);
  const [amount, setAmount] = useState<number | string>(item.plannedXof - item.disbursedXof);
  const [on, setOn] = useState(today());
  const add = useMutation({ mutationFn: () => reintegrationApi.addInstalment(caseId, item.id, { amountXof: Math.round(Number(amount)), disbursedOn: on }), onSuccess: refresh });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('reintegration:assistance.addInstalment')}>
      <Stack gap="xs">
        <FormErrorAlert error={add.error} />
        <Group align="flex-end" gap="sm">
          <NumberInput label={t('reintegration:assistance.amountXof')} value={amount} onChange={setAmount} min={1} max={item.plannedXof} allowDecimal={false} thousandSeparator=" " w={170} error={fieldError(t, add.error, 'amountXof')} />
          <TextInput type="date" label={t('reintegration:assistance.disbursedOn')} value={on} max={today()} onChange={(e) => setOn(e.currentTarget.value)} w={170} error={fieldError(t, add.error, 'disbursedOn')} />
          <Button type="submit" variant="light" loading={add.isPending} disabled={!(Number(amount) > 0)}>{t('reintegration:assistance.addInstalment')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The handover certificate: a link to it, and an upload when allowed. */
function Certificate({ caseId, item, canEdit }: { caseId: string; item: AssistanceItem; canEdit: boolean }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(caseId);
  const upload = useMutation({ mutationFn: (file: File) => uploadCertificate(caseId, item.id, file), onSuccess: refresh, onError: (error) => notifications.show({ color: 'red', message: describeError(t, error) }) });
  return (
    <Group gap="sm">
      {item.certificate ? (
        <Anchor href={certificateUrl(caseId, item.id)} target="_blank" rel="noopener">{t('reintegration:assistance.viewCertificate')}</Anchor>
      ) : (
        <Text size="sm" c="dimmed">{t('reintegration:assistance.noCertificate')}</Text>
      )}
      {canEdit && (
        <FileButton onChange={(file) => file && upload.mutate(file)} accept={CERTIFICATE_TYPES}>
          {(props) => (
            <Button {...props} size="compact-sm" variant="default" loading={upload.isPending}>
              {item.certificate ? t('reintegration:assistance.replaceCertificate') : t('reintegration:assistance.uploadCertificate')}
            </Button>
          )}
        </FileButton>
      )}
    </Group>
  );
}

/** One item: type, amounts, status, instalments and certificate. */
function ItemCard({ reintegrationCase: c, item, canEdit }: { reintegrationCase: ReintegrationCase; item: AssistanceItem; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const share = item.plannedXof > 0 ? Math.min(100, (item.disbursedXof / item.plannedXof) * 100) : 0;
  return (
    <Paper withBorder p="md" component="article" aria-label={t(`reintegration:enum.assistanceType.${item.type}`)} data-testid={`item-${item.type}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5">
            {t(`reintegration:enum.assistanceType.${item.type}`)} · {t(`reintegration:enum.level.${item.level}`)} · {t(`reintegration:enum.mode.${item.mode}`)}
            {item.provider ? ` · ${item.provider}` : ''}
          </Title>
          <Group gap="xs">
            <ItemStatusBadge status={item.status} />
            {canEdit && <ItemStatusButtons caseId={c.id} item={item} />}
          </Group>
        </Group>
        <Text size="sm">
          {t('reintegration:assistance.disbursedOfPlanned', { disbursed: formatXof(item.disbursedXof, i18n.language), planned: formatXof(item.plannedXof, i18n.language) })}
          {item.deliveredOn ? ` · ${t('reintegration:assistance.deliveredOn', { date: formatDay(item.deliveredOn, i18n.language) })}` : ''}
        </Text>
        <Progress value={share} color={share >= 100 ? 'green' : 'blue'} aria-label={t('reintegration:assistance.disbursedLabel')} />
        {item.instalments.length > 0 && (
          <Table verticalSpacing={4} fz="sm">
            <Table.Caption>{t('reintegration:assistance.instalments')}</Table.Caption>
            <Table.Tbody>
              {item.instalments.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{formatDay(i.disbursedOn, i18n.language)}</Table.Td>
                  <Table.Td>{formatXof(i.amountXof, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canEdit && item.status !== 'cancelled' && item.disbursedXof < item.plannedXof && <InstalmentForm caseId={c.id} item={item} />}
        <Certificate caseId={c.id} item={item} canEdit={canEdit && item.status !== 'cancelled'} />
      </Stack>
    </Paper>
  );
}

/** Adds one item to an approved plan (it starts planned and is approved on its own). */
function AddItemForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(caseId);
  const [item, setItem] = useState<DraftItem>(emptyItem);
  const add = useMutation({
    mutationFn: () => reintegrationApi.addItem(caseId, toInput(item)),
    onSuccess: () => {
      setItem(emptyItem());
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} aria-label={t('reintegration:assistance.add')}>
        <Stack gap="sm">
          <Title order={2} size="h4">{t('reintegration:assistance.add')}</Title>
          <FormErrorAlert error={add.error} />
          <ItemRow item={item} index={0} error={add.error} onChange={setItem} errorPath="" />
          <Button type="submit" variant="light" w="fit-content" loading={add.isPending} disabled={!(item.plannedXof > 0)}>{t('reintegration:assistance.addSubmit')}</Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The assistance tab. */
export function AssistanceSection({ reintegrationCase: c }: { reintegrationCase: ReintegrationCase }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  // Items move only once the plan is approved; before that the plan builder owns them.
  const canEdit = c.abilities.update && can('reintegrationCase.update') && c.plan?.status === 'approved';
  return (
    <Stack gap="md">
      {c.items.length === 0 && <EmptyState title={t('reintegration:assistance.none')} description={t('reintegration:assistance.noneHint')} />}
      {c.items.map((item) => (
        <ItemCard key={item.id} reintegrationCase={c} item={item} canEdit={canEdit} />
      ))}
      {canEdit && <AddItemForm caseId={c.id} />}
      <SatisfactionSection reintegrationCase={c} />
    </Stack>
  );
}
