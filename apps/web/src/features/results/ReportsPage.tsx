// Report downloads (/results/reports): the EUTF quarterly sheet for a quarter, and for a span the
// logframe progress report, the HXL CSV and the IATI XML, in French or English. Plain links: the
// browser downloads the file with the session cookie, and the server checks report.export.
import { Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { reportUrls } from './api';
import { spanOf } from './logic';
import { useProgrammeQuarters } from './PeriodPicker';


/** A download link styled as a button. */
function Download({ href, label, disabled }: { href: string; label: string; disabled?: boolean }) {
  if (disabled) return <Button leftSection={<IconDownload size={16} />} variant="light" disabled>{label}</Button>;
  return (
    <Button component="a" href={href} download leftSection={<IconDownload size={16} />} variant="light">
      {label}
    </Button>
  );
}

/** The reports page. */
export default function ReportsPage() {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState(i18n.language === 'en' ? 'en' : 'fr');
  const quarters = useProgrammeQuarters();
  // Until the user picks, the latest ended quarter and the programme's whole span.
  const latest = quarters.items.find((p) => p.status !== 'open');
  const [picked, setQuarter] = useState<string | null>(null);
  const quarter = picked ?? latest?.period ?? '';
  const [pickedFrom, setFrom] = useState<string | null>(null);
  const [pickedTo, setTo] = useState<string | null>(null);
  const from = pickedFrom ?? quarters.items[quarters.items.length - 1]?.from ?? '';
  const to = pickedTo ?? quarters.items[0]?.to ?? '';
  const span = spanOf({ kind: 'custom', from, to });
  const spanError = 'error' in span ? span.error : null;
  return (
    <>
      <PageHeader title={t('results:reports.title')} description={t('results:reports.description')} />
      <Group mb="md">
        <Text size="sm">{t('results:reports.language')}</Text>
        <SegmentedControl aria-label={t('results:reports.language')} value={lang} onChange={setLang} data={[{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">{t('results:reports.eutfTitle')}</Title>
            <Text size="sm" c="dimmed">{t('results:reports.eutfDescription')}</Text>
            <Select label={t('results:picker.quarter')} value={quarter} onChange={(v) => v && setQuarter(v)} data={quarters.codes} allowDeselect={false} searchable w={160} />
            <Group><Download href={reportUrls.eutf(quarter, lang)} label={t('results:reports.eutfDownload')} disabled={!quarter} /></Group>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">{t('results:reports.spanTitle')}</Title>
            <Text size="sm" c="dimmed">{t('results:reports.spanDescription')}</Text>
            <Group>
              <TextInput type="date" label={t('results:picker.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={spanError === 'from' ? t('results:picker.errors.date') : spanError === 'order' ? t('results:picker.errors.order') : undefined} />
              <TextInput type="date" label={t('results:picker.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={spanError === 'to' ? t('results:picker.errors.date') : undefined} />
            </Group>
            <Group>
              <Download href={reportUrls.logframe(from, to, lang)} label={t('results:reports.logframe')} disabled={spanError !== null} />
              <Download href={reportUrls.logframePdf(from, to, lang)} label={t('results:reports.logframePdf')} disabled={spanError !== null} />
              <Download href={reportUrls.hxl(from, to, lang)} label={t('results:reports.hxl')} disabled={spanError !== null} />
              <Download href={reportUrls.iati(from, to, lang)} label={t('results:reports.iati')} disabled={spanError !== null} />
            </Group>
          </Stack>
        </Paper>
      </SimpleGrid>
    </>
  );
}
