// The steps before travel: the destination details, the signed voluntary declaration, due diligence,
// and the best-interest determination of an unaccompanied child (recorded by one officer, approved
// by another who holds the approval permission — never the one who recorded it).
import { useState, type FormEvent, type ReactNode } from 'react';
import { Badge, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth';
import { FormErrorAlert } from '../../../components/forms';
import { PcodePicker } from '../../registry/PcodePicker';
import { fieldError, formatDay, today } from '../../registry/shared';
import { returnsApi } from '../api';
import { RefusalAlert, useReturnOptions, useReturnsRefresh } from '../shared';
import { BEST_INTEREST_OUTCOMES, DUE_DILIGENCE_OUTCOMES, type BestInterestOutcome, type DueDiligenceOutcome, type ReturnCase, type ReturnCasePatch } from '../types';

const FINAL = ['closed', 'withdrawn'];

/** A card with a title and a status line. */
function StepCard({ title, done, children }: { title: string; done: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">{title}</Title>
          <Badge color={done ? 'green' : 'gray'} variant="light">{done ? t('returns:steps.done') : t('returns:steps.todo')}</Badge>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** Saves a part of the case with If-Match. */
function usePatch(c: ReturnCase, message: string) {
  const refresh = useReturnsRefresh();
  return useMutation({
    mutationFn: (patch: ReturnCasePatch) => returnsApi.update(c.id, c.version, patch),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'green', message });
    },
  });
}

/** Destination P-code and locality, and the unaccompanied-child flag. */
function DestinationCard({ c, editable }: { c: ReturnCase; editable: boolean }) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const [pcode, setPcode] = useState(c.destinationPcode ?? '');
  const [locality, setLocality] = useState(c.destinationLocality ?? '');
  const [uac, setUac] = useState(c.unaccompaniedChild);
  const save = usePatch(c, t('returns:steps.saved'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ destinationPcode: pcode || null, destinationLocality: locality.trim() || null, unaccompaniedChild: uac });
  };
  return (
    <StepCard title={t('returns:steps.destination')} done={c.direction === 'outbound' || Boolean(c.destinationPcode)}>
      <form onSubmit={submit} aria-label={t('returns:steps.destination')}>
        <fieldset disabled={!editable || save.isPending} style={{ border: 0, margin: 0, padding: 0 }}>
          <Stack gap="sm">
            <FormErrorAlert error={save.error} onReload={refresh} />
            {c.direction === 'inbound' && <PcodePicker label={t('returns:newCase.destinationPcode')} value={pcode} onChange={setPcode} error={fieldError(t, save.error, 'destinationPcode')} />}
            <TextInput label={t('returns:newCase.destinationLocality')} value={locality} onChange={(e) => setLocality(e.currentTarget.value)} maxLength={200} />
            <Checkbox label={t('returns:newCase.unaccompaniedChild')} checked={uac} onChange={(e) => setUac(e.currentTarget.checked)} />
            {editable && <Group justify="flex-end"><Button type="submit" variant="light" loading={save.isPending}>{t('common:actions.save')}</Button></Group>}
          </Stack>
        </fieldset>
      </form>
    </StepCard>
  );
}

/** The signed voluntary return declaration and its witness. */
function DeclarationCard({ c, editable }: { c: ReturnCase; editable: boolean }) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const [signedOn, setSignedOn] = useState(c.declaration?.signedOn ?? today());
  const [witness, setWitness] = useState(c.declaration?.witness ?? '');
  const save = usePatch(c, t('returns:steps.declarationSaved'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ declaration: { signedOn, witness: witness.trim() } });
  };
  return (
    <StepCard title={t('returns:steps.declaration')} done={Boolean(c.declaration?.signedOn && c.declaration.witness)}>
      <Text size="sm" c="dimmed">{t('returns:steps.declarationHint')}</Text>
      <form onSubmit={submit} aria-label={t('returns:steps.declaration')}>
        <fieldset disabled={!editable || save.isPending} style={{ border: 0, margin: 0, padding: 0 }}>
          <Stack gap="sm">
            <FormErrorAlert error={save.error} onReload={refresh} />
            <TextInput type="date" label={t('returns:steps.signedOn')} required value={signedOn} max={today()} onChange={(e) => setSignedOn(e.currentTarget.value)} error={fieldError(t, save.error, 'declaration.signedOn')} />
            <TextInput label={t('returns:steps.witness')} required value={witness} onChange={(e) => setWitness(e.currentTarget.value)} maxLength={200} error={fieldError(t, save.error, 'declaration.witness')} />
            {editable && <Group justify="flex-end"><Button type="submit" variant="light" loading={save.isPending} disabled={!witness.trim() || !signedOn}>{t('returns:steps.saveDeclaration')}</Button></Group>}
          </Stack>
        </fieldset>
      </form>
    </StepCard>
  );
}

/** The due-diligence check (cleared or concerns). */
function DueDiligenceCard({ c, editable }: { c: ReturnCase; editable: boolean }) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const outcomes = useReturnOptions('dueDiligence', DUE_DILIGENCE_OUTCOMES);
  const [checkedOn, setCheckedOn] = useState(c.dueDiligence?.checkedOn ?? today());
  const [outcome, setOutcome] = useState<DueDiligenceOutcome>(c.dueDiligence?.outcome ?? 'cleared');
  const [note, setNote] = useState(c.dueDiligence?.note ?? '');
  const save = usePatch(c, t('returns:steps.dueDiligenceSaved'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ dueDiligence: { checkedOn, outcome, ...(note.trim() ? { note: note.trim() } : {}) } });
  };
  return (
    <StepCard title={t('returns:steps.dueDiligence')} done={c.dueDiligence?.outcome === 'cleared'}>
      <Text size="sm" c="dimmed">{t('returns:steps.dueDiligenceHint')}</Text>
      <form onSubmit={submit} aria-label={t('returns:steps.dueDiligence')}>
        <fieldset disabled={!editable || save.isPending} style={{ border: 0, margin: 0, padding: 0 }}>
          <Stack gap="sm">
            <FormErrorAlert error={save.error} onReload={refresh} />
            <TextInput type="date" label={t('returns:steps.checkedOn')} required value={checkedOn} max={today()} onChange={(e) => setCheckedOn(e.currentTarget.value)} error={fieldError(t, save.error, 'dueDiligence.checkedOn')} />
            <NativeSelect label={t('returns:steps.outcome')} data={outcomes} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as DueDiligenceOutcome)} />
            <Textarea label={t('returns:steps.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
            {editable && <Group justify="flex-end"><Button type="submit" variant="light" loading={save.isPending}>{t('returns:steps.saveDueDiligence')}</Button></Group>}
          </Stack>
        </fieldset>
      </form>
    </StepCard>
  );
}

/** Who recorded or approved, whether the API sends an id or a name. */
function actorId(actor: string | { id: string; displayName: string } | null): string | null {
  return actor === null ? null : typeof actor === 'string' ? actor : actor.id;
}

function actorName(actor: string | { id: string; displayName: string } | null): string {
  return actor === null ? '—' : typeof actor === 'string' ? actor : actor.displayName;
}

/** The best-interest determination: recorded, then approved by someone else. */
function BestInterestCard({ c, editable }: { c: ReturnCase; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const refresh = useReturnsRefresh();
  const outcomes = useReturnOptions('bestInterest', BEST_INTEREST_OUTCOMES);
  const [determinedOn, setDeterminedOn] = useState(today());
  const [outcome, setOutcome] = useState<BestInterestOutcome>('return_in_best_interest');
  const [note, setNote] = useState('');
  const record = useMutation({
    mutationFn: () => returnsApi.recordBestInterest(c.id, { determinedOn, outcome, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: () => {
      setNote('');
      refresh();
      notifications.show({ color: 'green', message: t('returns:steps.bestInterestSaved') });
    },
  });
  const approve = useMutation({
    mutationFn: () => returnsApi.approveBestInterest(c.id),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'green', message: t('returns:steps.bestInterestApproved') });
    },
  });
  const bid = c.bestInterest;
  const recordedByMe = bid !== null && actorId(bid.recordedBy) === me.id;
  const mayApprove = bid !== null && !bid.approvedAt && c.abilities.approveBestInterest && !recordedByMe;
  const done = bid?.outcome === 'return_in_best_interest' && Boolean(bid.approvedAt);
  return (
    <StepCard title={t('returns:steps.bestInterest')} done={done}>
      <Text size="sm" c="dimmed">{c.unaccompaniedChild ? t('returns:steps.bestInterestRequired') : t('returns:steps.bestInterestHint')}</Text>
      {bid && (
        <Stack gap={4} data-testid="best-interest">
          <Text size="sm">{t('returns:steps.bestInterestLine', { outcome: t(`returns:enum.bestInterest.${bid.outcome}`), date: formatDay(bid.determinedOn, i18n.language), by: actorName(bid.recordedBy) })}</Text>
          {bid.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{bid.note}</Text>}
          <Text size="sm" fw={500}>
            {bid.approvedAt ? t('returns:steps.approvedBy', { by: actorName(bid.approvedBy), date: formatDay(bid.approvedAt, i18n.language) }) : t('returns:steps.awaitingApproval')}
          </Text>
          {recordedByMe && !bid.approvedAt && <Text size="sm" c="dimmed">{t('returns:steps.fourEyes')}</Text>}
          {mayApprove && (
            <Group>
              <Button onClick={() => approve.mutate()} loading={approve.isPending}>{t('returns:steps.approve')}</Button>
            </Group>
          )}
          <RefusalAlert error={approve.error} />
        </Stack>
      )}
      {editable && (!bid || !bid.approvedAt) && (
        <form onSubmit={(e) => { e.preventDefault(); record.mutate(); }} aria-label={t('returns:steps.recordBestInterest')}>
          <Stack gap="sm">
            <FormErrorAlert error={record.error} />
            <TextInput type="date" label={t('returns:steps.determinedOn')} required value={determinedOn} max={today()} onChange={(e) => setDeterminedOn(e.currentTarget.value)} error={fieldError(t, record.error, 'determinedOn')} />
            <NativeSelect label={t('returns:steps.outcome')} data={outcomes} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as BestInterestOutcome)} />
            <Textarea label={t('returns:steps.bestInterestNote')} description={t('returns:steps.sensitiveHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
            <Group justify="flex-end"><Button type="submit" variant="light" loading={record.isPending}>{t('returns:steps.recordBestInterest')}</Button></Group>
          </Stack>
        </form>
      )}
    </StepCard>
  );
}

/** The steps tab. */
export function StepsSection({ returnCase: c }: { returnCase: ReturnCase }) {
  const editable = c.abilities.update && !FINAL.includes(c.status);
  // Keyed by version: after a save (or someone else's) the forms start from what is stored.
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" key={c.version}>
      <DeclarationCard c={c} editable={editable} />
      <DueDiligenceCard c={c} editable={editable} />
      <DestinationCard c={c} editable={editable} />
      <BestInterestCard c={c} editable={editable} />
    </SimpleGrid>
  );
}
