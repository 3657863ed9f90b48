// Case notes: writing one (marked sensitive when it must stay with cleared roles) and reading them.
import { useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TransitCase } from '@taama/core';
import { formatDateTime } from '../../../app/format';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { casesApi } from '../api';
import { useCaseRefresh } from './useCaseRefresh';

/** The notes tab. */
export function NotesSection({ transitCase: c }: { transitCase: TransitCase }) {
  const { t, i18n } = useTranslation();
  const refresh = useCaseRefresh(c);
  const [body, setBody] = useState('');
  const [sensitive, setSensitive] = useState(false);
  const add = useMutation({
    mutationFn: () => casesApi.addNote(c.id, { body: body.trim(), sensitive }),
    onSuccess: () => {
      setBody('');
      setSensitive(false);
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) add.mutate();
  };
  return (
    <Stack gap="lg">
      {c.abilities.update && (
        <Paper withBorder p="lg">
          <form onSubmit={submit} aria-label={t('protection:notes.add')}>
            <Stack gap="sm">
              <FormErrorAlert error={add.error} />
              <Textarea label={t('protection:notes.add')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={3} maxLength={8000} required />
              <Checkbox label={t('protection:notes.sensitive')} description={t('protection:notes.sensitiveHint')} checked={sensitive} onChange={(e) => setSensitive(e.currentTarget.checked)} />
              <Button type="submit" loading={add.isPending} disabled={!body.trim()} w="fit-content">{t('protection:notes.submit')}</Button>
            </Stack>
          </form>
        </Paper>
      )}
      {c.notes.length === 0 ? (
        <EmptyState title={t('protection:notes.none')} />
      ) : (
        c.notes.map((n) => (
          <Paper key={n.id} withBorder p="sm">
            <Group justify="space-between">
              <Text size="xs" c="dimmed">{formatDateTime(n.createdAt, i18n.language)}{n.createdBy ? ` · ${n.createdBy}` : ''}</Text>
              {n.sensitive && <Badge color="grape" variant="light">{t('protection:notes.sensitiveBadge')}</Badge>}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{n.body ?? t('protection:notes.hidden')}</Text>
          </Paper>
        ))
      )}
    </Stack>
  );
}
