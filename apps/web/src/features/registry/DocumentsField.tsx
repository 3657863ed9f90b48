// Identity documents of a person: a repeatable group of type, number, issuing country and expiry.
import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES } from '@taama/core';
import { useCountryOptions } from '../admin/shared';
import type { DocumentRow } from './personForm';
import { useCodeOptions } from './shared';

interface DocumentsFieldProps {
  documents: DocumentRow[];
  onChange: (documents: DocumentRow[]) => void;
  /** The server's message for `documents.<i>.<field>`. */
  errorFor: (path: string) => string | undefined;
}

/** The list of documents with add and remove. */
export function DocumentsField({ documents, onChange, errorFor }: DocumentsFieldProps) {
  const { t } = useTranslation();
  const types = useCodeOptions('registry', 'documentType', DOCUMENT_TYPES);
  const countries = useCountryOptions();
  const update = (index: number, change: Partial<DocumentRow>) => onChange(documents.map((d, i) => (i === index ? { ...d, ...change } : d)));
  return (
    <Stack gap="sm">
      <Text fw={600} size="sm">
        {t('registry:form.documents')}
      </Text>
      {documents.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('registry:form.noDocuments')}
        </Text>
      )}
      {documents.map((doc, index) => (
        <Paper key={index} withBorder p="sm" role="group" aria-label={t('registry:form.documentN', { n: index + 1 })}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select label={t('registry:form.documentType')} data={types} value={doc.type} allowDeselect={false} onChange={(type) => update(index, { type: (type ?? 'passport') as DocumentRow['type'] })} w={190} />
            <TextInput label={t('registry:form.documentNumber')} value={doc.number} onChange={(e) => update(index, { number: e.currentTarget.value })} error={errorFor(`documents.${index}.number`)} w={170} />
            <Select label={t('registry:form.issuingCountry')} data={countries} value={doc.issuingCountry || null} onChange={(c) => update(index, { issuingCountry: c ?? '' })} searchable clearable w={200} />
            <TextInput type="date" label={t('registry:form.expiryDate')} value={doc.expiryDate} onChange={(e) => update(index, { expiryDate: e.currentTarget.value })} error={errorFor(`documents.${index}.expiryDate`)} w={160} />
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => onChange(documents.filter((_, i) => i !== index))}>
              {t('registry:form.removeDocument')}
            </Button>
          </Group>
        </Paper>
      ))}
      <Button variant="light" w="fit-content" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange([...documents, { type: 'passport', number: '', issuingCountry: '', expiryDate: '' }])}>
        {t('registry:form.addDocument')}
      </Button>
    </Stack>
  );
}
