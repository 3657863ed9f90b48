// The figures of an import (or of a dry-run): rows read, imported (or importable), duplicates, rejected.
import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '@taama/core';

/** Four figures side by side. */
export function ImportSummary({ result, dryRun }: { result: ImportReport; dryRun: boolean }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const figures = [
    { key: 'totalRows', value: result.totalRows, color: undefined },
    { key: dryRun ? 'importable' : 'imported', value: result.imported, color: 'teal' },
    { key: 'duplicates', value: result.duplicates, color: 'gray' },
    { key: 'rejected', value: result.rejected.length, color: result.rejected.length > 0 ? 'red' : undefined },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {figures.map((f) => (
        <Paper key={f.key} withBorder p="sm" radius="md">
          <Group gap={4} align="baseline" wrap="nowrap">
            <Text size="xl" fw={700} c={f.color} data-testid={`import-${f.key}`}>
              {number.format(f.value)}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t(`flows:import.summary.${f.key}`)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
