// The mapping step of an import: every column of the file, whether Taama recognised it, and the
// Taama field it fills (chosen here; empty = ignored), with warnings for required fields left
// unmapped and fields chosen twice.
import { Alert, Badge, List, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldName } from '../messages';
import type { ImportField } from '@taama/core';

interface MappingStepProps {
  /** The file's columns, as the server read them. */
  columns: readonly string[];
  /** The columns the server recognised by itself, and the field each fills. */
  recognised: Readonly<Record<string, string>>;
  fields: readonly ImportField[];
  /** Column → field as chosen so far ('' or absent = ignored). */
  mapping: Readonly<Record<string, string>>;
  onChange: (column: string, field: string) => void;
  disabled?: boolean;
}

/** The problems a mapping has: required fields no column fills, fields filled by more than one column. */
export function mappingProblems(mapping: Readonly<Record<string, string>>, fields: readonly ImportField[]) {
  // '' (or '-') ignores a column.
  const used = Object.values(mapping).filter((field) => field !== '' && field !== '-');
  const missing = fields.filter((f) => f.required && !used.some((u) => u === f.name || u.startsWith(`${f.name}/`))).map((f) => f.name);
  const twice = [...new Set(used.filter((field, i) => used.indexOf(field) !== i))];
  return { missing, twice };
}

/** The starting mapping: what the server recognised, overridden by a mapping saved for the source. */
export function initialMapping(columns: readonly string[], recognised: Readonly<Record<string, string>>, saved?: Readonly<Record<string, string>>): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const column of columns) {
    const field = saved?.[column] ?? recognised[column];
    if (field) mapping[column] = field;
  }
  return mapping;
}

/** The column-by-column mapping table. */
export function MappingStep({ columns, recognised, fields, mapping, onChange, disabled }: MappingStepProps) {
  const { t } = useTranslation();
  const fieldLabel = (field: string) => fieldName(t, field);
  const options = fields.flatMap((f) => [
    { value: f.name, label: `${fieldLabel(f.name)} (${f.name})${f.required ? ' *' : ''}` },
    // A multiple-choice question exported as one 0/1 column per option (KoboToolbox) maps option by option.
    ...(f.type === 'enum_list' ? (f.codes ?? []).map((code) => ({ value: `${f.name}/${code}`, label: `${fieldLabel(f.name)} : ${code} (${f.name}/${code})` })) : []),
  ]);
  const { missing, twice } = mappingProblems(mapping, fields);

  return (
    <Stack gap="sm">
      {(missing.length > 0 || twice.length > 0) && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="status" title={t('flows:import.mapping.problems')}>
          <List size="sm">
            {missing.map((field) => (
              <List.Item key={`m-${field}`}>{t('flows:import.mapping.missing', { field: fieldLabel(field) })}</List.Item>
            ))}
            {twice.map((field) => (
              <List.Item key={`t-${field}`}>{t('flows:import.mapping.twice', { field: fieldLabel(field) })}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Table.ScrollContainer minWidth={560} type="native">
        <Table striped withTableBorder verticalSpacing="xs">
          <Table.Caption>{t('flows:import.mapping.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('flows:import.mapping.column')}</Table.Th>
              <Table.Th scope="col">{t('flows:import.mapping.status')}</Table.Th>
              <Table.Th scope="col">{t('flows:import.mapping.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((column) => {
              const known = recognised[column] !== undefined;
              return (
                <Table.Tr key={column}>
                  <Table.Th scope="row">
                    <Text ff="monospace" size="sm">
                      {column}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Badge variant="light" color={known ? 'green' : 'gray'}>
                      {known ? t('flows:import.mapping.recognised') : t('flows:import.mapping.unrecognised')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('flows:import.mapping.fieldFor', { column })}
                      placeholder={t('flows:import.mapping.ignore')}
                      data={options}
                      value={mapping[column] || null}
                      onChange={(value) => onChange(column, value ?? '')}
                      searchable
                      clearable
                      disabled={disabled}
                      nothingFoundMessage={t('common:states.emptyTitle')}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
