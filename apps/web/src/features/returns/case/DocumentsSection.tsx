// Travel documents of a case: requested, issued (with number and expiry), refused or cancelled;
// an issued one expiring within 30 days carries a badge. Added and edited in a dialog.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { fieldError, formatDay, today } from '../../registry/shared';
import { returnsApi } from '../api';
import { ExpiryBadge, useReturnOptions, useReturnsRefresh } from '../shared';
import { TRAVEL_DOCUMENT_STATUSES, TRAVEL_DOCUMENT_TYPES, type ReturnCase, type TravelDocument, type TravelDocumentInput } from '../types';

type TravelDocumentType = TravelDocument['type'];
type TravelDocumentStatus = TravelDocument['status'];

interface DocValues {
  type: TravelDocumentType;
  consulate: string;
  requestedOn: string;
  issuedOn: string;
  number: string;
  expiresOn: string;
  status: TravelDocumentStatus;
}

/** The client's checks of a travel document (the server checks them too). */
export function checkDocument(v: DocValues, today: string): Partial<Record<keyof DocValues, string>> {
  const e: Partial<Record<keyof DocValues, string>> = {};
  if (!v.requestedOn) e.requestedOn = 'required';
  if (v.status === 'issued') {
    if (!v.issuedOn) e.issuedOn = 'required';
    if (!v.number.trim()) e.number = 'required';
    if (!v.expiresOn) e.expiresOn = 'required';
  }
  if (v.issuedOn && v.requestedOn && v.issuedOn < v.requestedOn) e.issuedOn = 'beforeRequest';
  if (v.issuedOn && v.issuedOn > today) e.issuedOn = 'future';
  if (v.expiresOn && v.issuedOn && v.expiresOn <= v.issuedOn) e.expiresOn = 'beforeIssue';
  return e;
}

function toInput(v: DocValues): TravelDocumentInput {
  return {
    type: v.type,
    status: v.status,
    requestedOn: v.requestedOn,
    ...(v.consulate.trim() ? { consulate: v.consulate.trim() } : {}),
    ...(v.issuedOn ? { issuedOn: v.issuedOn } : {}),
    ...(v.number.trim() ? { number: v.number.trim() } : {}),
    ...(v.expiresOn ? { expiresOn: v.expiresOn } : {}),
  };
}

/** The add/edit dialog's form. */
function DocumentForm({ c, doc, onDone }: { c: ReturnCase; doc: TravelDocument | null; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const types = useReturnOptions('documentType', TRAVEL_DOCUMENT_TYPES);
  const statuses = useReturnOptions('documentStatus', TRAVEL_DOCUMENT_STATUSES);
  const [v, setV] = useState<DocValues>({
    type: doc?.type ?? 'laissez_passer',
    consulate: doc?.consulate ?? '',
    requestedOn: doc?.requestedOn ?? today(),
    issuedOn: doc?.issuedOn ?? '',
    number: doc?.number ?? '',
    expiresOn: doc?.expiresOn ?? '',
    status: doc?.status ?? 'requested',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof DocValues, string>>>({});
  const save = useMutation({
    mutationFn: () => (doc ? returnsApi.updateDocument(c.id, doc.id, doc.version, toInput(v)) : returnsApi.addDocument(c.id, toInput(v))),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  const set = <K extends keyof DocValues>(key: K, value: DocValues[K]) => setV((x) => ({ ...x, [key]: value }));
  const err = (key: keyof DocValues) => (errors[key] ? t(`returns:documents.errors.${errors[key]}`) : fieldError(t, save.error, key));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkDocument(v, today());
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const issued = v.status === 'issued';
  return (
    <form onSubmit={submit} noValidate aria-label={doc ? t('returns:documents.edit') : t('returns:documents.add')}>
      <Stack gap="sm">
        <FormErrorAlert error={save.error} onReload={() => { refresh(); onDone(); }} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('returns:documents.type')} data={types} value={v.type} onChange={(e) => set('type', e.currentTarget.value as TravelDocumentType)} />
          <NativeSelect label={t('returns:documents.status')} data={statuses} value={v.status} onChange={(e) => set('status', e.currentTarget.value as TravelDocumentStatus)} />
          <TextInput label={t('returns:documents.consulate')} value={v.consulate} onChange={(e) => set('consulate', e.currentTarget.value)} maxLength={200} />
          <TextInput type="date" label={t('returns:documents.requestedOn')} required value={v.requestedOn} max={today()} onChange={(e) => set('requestedOn', e.currentTarget.value)} error={err('requestedOn')} />
          <TextInput type="date" label={t('returns:documents.issuedOn')} required={issued} value={v.issuedOn} max={today()} onChange={(e) => set('issuedOn', e.currentTarget.value)} error={err('issuedOn')} />
          <TextInput label={t('returns:documents.number')} required={issued} value={v.number} onChange={(e) => set('number', e.currentTarget.value)} maxLength={40} error={err('number')} />
          <TextInput type="date" label={t('returns:documents.expiresOn')} required={issued} value={v.expiresOn} onChange={(e) => set('expiresOn', e.currentTarget.value)} error={err('expiresOn')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common:actions.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{t('common:actions.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The travel documents tab. */
export function DocumentsSection({ returnCase: c }: { returnCase: ReturnCase }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<TravelDocument | 'new' | null>(null);
  const mayEdit = c.abilities.addDocument;
  const day = (d: string | null | undefined) => formatDay(d, i18n.language);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">{t('returns:documents.title')}</Title>
          {mayEdit && <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>{t('returns:documents.add')}</Button>}
        </Group>
        {c.travelDocuments.length === 0 ? (
          <EmptyState title={t('returns:documents.empty')} description={t('returns:documents.emptyHint')} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={t('returns:documents.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('returns:documents.type')}</Table.Th>
                  <Table.Th>{t('returns:documents.number')}</Table.Th>
                  <Table.Th>{t('returns:documents.status')}</Table.Th>
                  <Table.Th>{t('returns:documents.requestedOn')}</Table.Th>
                  <Table.Th>{t('returns:documents.issuedOn')}</Table.Th>
                  <Table.Th>{t('returns:documents.expiresOn')}</Table.Th>
                  {mayEdit && <Table.Th><VisuallyHidden>{t('returns:documents.edit')}</VisuallyHidden></Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.travelDocuments.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{t(`returns:enum.documentType.${d.type}`)}{d.consulate ? <Text size="xs" c="dimmed">{d.consulate}</Text> : null}</Table.Td>
                    <Table.Td>{d.number ?? '—'}</Table.Td>
                    <Table.Td>{t(`returns:enum.documentStatus.${d.status}`)}</Table.Td>
                    <Table.Td>{day(d.requestedOn)}</Table.Td>
                    <Table.Td>{day(d.issuedOn)}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {day(d.expiresOn)}
                        {d.status === 'issued' && <ExpiryBadge expiresOn={d.expiresOn} />}
                      </Group>
                    </Table.Td>
                    {mayEdit && (
                      <Table.Td>
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(d)} aria-label={`${t('returns:documents.edit')} — ${t(`returns:enum.documentType.${d.type}`)} ${d.number ?? ''}`.trim()}>
                          {t('common:actions.edit')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('returns:documents.add') : t('returns:documents.edit')} size="lg" centered>
        {editing !== null && <DocumentForm c={c} doc={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Paper>
  );
}
