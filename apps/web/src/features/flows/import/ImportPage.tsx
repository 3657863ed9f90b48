// /flows/import: the import wizard (file → columns and mapping with a dry-run report → import →
// result), and the history of past imports.
import { useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Autocomplete, Button, Checkbox, FileInput, Group, Paper, Radio, SegmentedControl, Stack, Stepper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportReport } from '@taama/core';
import { ApiError } from '../../../api/client';
import { describeError } from '../../../app/errors';
import { PageHeader } from '../../../components/PageHeader';
import { flowKeys, flowsApi, type ImportKind, type ImportMode } from '../api';
import { fieldName, flowMessage } from '../messages';
import { ImportHistory } from './ImportHistory';
import { ImportProgressBars, useImportProgress } from './ImportProgress';
import { ImportSummary } from './ImportSummary';
import { initialMapping, mappingProblems, MappingStep } from './MappingStep';
import { RejectedRows } from './RejectedRows';
import { newImportId, uploadImport } from './upload';

// The names a mapping can be remembered under (the API's rule).
const SOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,79}$/;
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Columns = ImportReport['columns'];

/** The columns of a file in a stable order: those recognised, then the others. */
function columnsOf(columns: Columns): string[] {
  return [...Object.keys(columns.recognised), ...columns.unrecognised];
}

/** The columns the server read from a file it refused as a whole (a required column missing). */
export function refusedColumns(error: unknown): Columns | undefined {
  if (!(error instanceof ApiError) || error.status !== 400) return undefined;
  const columns = error.details.columns;
  if (typeof columns !== 'object' || columns === null) return undefined;
  const { recognised, unrecognised } = columns as Record<string, unknown>;
  if (typeof recognised !== 'object' || recognised === null || !Array.isArray(unrecognised)) return undefined;
  return {
    recognised: Object.fromEntries(Object.entries(recognised).filter((e): e is [string, string] => typeof e[1] === 'string')),
    unrecognised: unrecognised.filter((c): c is string => typeof c === 'string'),
  };
}

/** Why the server refused an import: missing required columns by name, else its field messages. */
function ImportError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const missing = error instanceof ApiError && Array.isArray(error.details.missing) ? error.details.missing.filter((f): f is string => typeof f === 'string') : [];
  const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
  return (
    <Alert color="red" variant="light" role="alert" mt="md" title={t('flows:import.failed')}>
      <Stack gap={4}>
        <Text size="sm">{missing.length > 0 ? t('flows:import.missingColumns', { fields: missing.map((f) => fieldName(t, f)).join(', ') }) : describeError(t, error)}</Text>
        {missing.length === 0 &&
          fields.map(([field, message]) => (
            <Text key={field} size="sm">
              {fieldName(t, field)} — {flowMessage(t, message)}
            </Text>
          ))}
      </Stack>
    </Alert>
  );
}

/** The import page. */
export default function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ImportKind>('counts');
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [remember, setRemember] = useState(true);
  const [analysis, setAnalysis] = useState<ImportReport | null>(null);
  // The file's columns, from the last dry-run, or from a refusal of the whole file.
  const [columns, setColumns] = useState<Columns | null>(null);
  const [mode, setMode] = useState<ImportMode>('dry-run');
  const [result, setResult] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState<{ importId: string; sent: number; total: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const lastRefusal = useRef<Columns | undefined>(undefined);
  const progress = useImportProgress(running?.importId ?? null, running !== null);

  const mappings = useQuery({ queryKey: flowKeys.mappings, queryFn: flowsApi.mappings, select: (r) => r.items });
  const fields = useQuery({ queryKey: flowKeys.importFields(kind), queryFn: () => flowsApi.importFields(kind), select: (r) => r.items });
  const saved = useMemo(() => (mappings.data ?? []).filter((m) => m.kind === kind), [mappings.data, kind]);
  const savedFor = (name: string) => saved.find((m) => m.source === name.trim())?.mapping;

  const send = async (sendMode: ImportMode, sendMapping: Record<string, string> | undefined) => {
    if (!file) return undefined;
    const importId = newImportId();
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setRunning({ importId, sent: 0, total: file.size });
    lastRefusal.current = undefined;
    try {
      return await uploadImport({
        kind,
        mode: sendMode,
        file,
        mapping: sendMapping,
        source: remember && source.trim() ? source.trim() : undefined,
        importId,
        signal: controller.signal,
        onUploadProgress: (sent, total) => setRunning((r) => (r && r.importId === importId ? { ...r, sent, total } : r)),
      });
    } catch (cause) {
      if (!(cause instanceof DOMException && cause.name === 'AbortError')) setError(cause);
      // A file refused as a whole still tells its columns: the mapping step can fix it.
      const refused = refusedColumns(cause);
      lastRefusal.current = refused;
      if (refused) {
        setColumns(refused);
        setAnalysis(null);
      }
      return undefined;
    } finally {
      abort.current = null;
      setRunning(null);
      void queryClient.invalidateQueries({ queryKey: flowKeys.imports });
      if (remember && source.trim()) void queryClient.invalidateQueries({ queryKey: flowKeys.mappings });
    }
  };

  /** First look at the file: a dry-run with the mapping saved for the source, if any. */
  const analyse = async () => {
    const savedMapping = savedFor(source);
    let read: Columns | undefined;
    const report = await send('dry-run', savedMapping);
    if (report) {
      setAnalysis(report);
      setColumns(report.columns);
      read = report.columns;
    }
    // send() stored the columns of a refused file; read them back from the same answer.
    read ??= lastRefusal.current;
    if (!read) return;
    setMapping(initialMapping(columnsOf(read), read.recognised, savedMapping));
    setStep(1);
  };

  /** The dry-run again with the mapping as now chosen. */
  const retry = async () => {
    const report = await send('dry-run', mapping);
    if (report) {
      setAnalysis(report);
      setColumns(report.columns);
    }
  };

  const run = async () => {
    const report = await send(mode, mapping);
    if (!report) return;
    if (mode === 'dry-run') {
      setAnalysis(report);
      return;
    }
    setResult(report);
    void queryClient.invalidateQueries({ queryKey: flowKeys.all });
    notifications.show({ color: 'green', message: t('flows:import.done', { count: report.imported }) });
    setStep(3);
  };

  const saveMapping = async () => {
    try {
      await flowsApi.saveMapping(kind, source.trim(), mapping);
      void queryClient.invalidateQueries({ queryKey: flowKeys.mappings });
      notifications.show({ color: 'green', message: t('flows:import.mapping.saved', { source: source.trim() }) });
    } catch (cause) {
      notifications.show({ color: 'red', message: describeError(t, cause) });
    }
  };

  const restart = () => {
    setStep(0);
    setFile(null);
    setAnalysis(null);
    setColumns(null);
    setResult(null);
    setMapping({});
    setMode('dry-run');
    setError(null);
  };

  const busy = running !== null;
  const sourceInvalid = source.trim() !== '' && !SOURCE_NAME.test(source.trim());
  const problems = mappingProblems(mapping, fields.data ?? []);

  return (
    <>
      <PageHeader title={t('flows:import.title')} description={t('flows:import.description')} />
      <Paper withBorder p="lg" radius="md" mb="xl">
        <Stepper active={step} onStepClick={(next) => !busy && next < step && setStep(next)} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label={t('flows:import.steps.file')}>
            <Stack gap="md" maw={560} mt="md">
              <div>
                <Text size="sm" fw={500} id="import-kind" mb={4}>
                  {t('flows:import.kind')}
                </Text>
                <SegmentedControl
                  aria-labelledby="import-kind"
                  value={kind}
                  onChange={(value) => setKind(value === 'surveys' ? 'surveys' : 'counts')}
                  data={[
                    { value: 'counts', label: t('flows:import.kinds.counts') },
                    { value: 'surveys', label: t('flows:import.kinds.surveys') },
                  ]}
                  disabled={busy}
                />
              </div>
              <FileInput label={t('flows:import.file')} description={t('flows:import.fileHint')} accept={ACCEPT} value={file} onChange={setFile} clearable leftSection={<IconFileSpreadsheet size={16} aria-hidden />} disabled={busy} required />
              <Autocomplete
                label={t('flows:import.source')}
                description={t('flows:import.sourceHint')}
                data={saved.map((m) => m.source)}
                value={source}
                onChange={setSource}
                disabled={busy}
                maxLength={80}
                error={sourceInvalid ? t('flows:import.sourceInvalid') : undefined}
              />
              {source.trim() && savedFor(source) && <Text size="sm" c="teal">{t('flows:import.savedMappingFound')}</Text>}
              <Checkbox label={t('flows:import.remember')} checked={remember} onChange={(event) => setRemember(event.currentTarget.checked)} disabled={busy || !source.trim()} />
              <Group>
                <Button onClick={() => void analyse()} disabled={!file || busy || sourceInvalid} loading={busy}>
                  {t('flows:import.analyse')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>

          <Stepper.Step label={t('flows:import.steps.mapping')}>
            {columns && (
              <Stack gap="md" mt="md">
                <Text>
                  {t('flows:import.columnsSummary', { recognised: Object.keys(columns.recognised).length, unrecognised: columns.unrecognised.length })}
                </Text>
                <MappingStep columns={columnsOf(columns)} recognised={columns.recognised} fields={fields.data ?? []} mapping={mapping} onChange={(column, field) => setMapping((m) => ({ ...m, [column]: field }))} disabled={busy} />
                <Group>
                  <Button variant="default" onClick={() => void retry()} loading={busy} disabled={busy}>
                    {t('flows:import.retryDryRun')}
                  </Button>
                  {source.trim() && (
                    <Button variant="subtle" onClick={() => void saveMapping()} disabled={busy}>
                      {t('flows:import.mapping.save')}
                    </Button>
                  )}
                  <Button onClick={() => setStep(2)} disabled={busy || !analysis}>
                    {t('flows:import.continue')}
                  </Button>
                </Group>
                {analysis && (
                  <>
                    <Title order={2} size="h4">
                      {t('flows:import.dryRunTitle')}
                    </Title>
                    <ImportSummary result={analysis} dryRun />
                    <RejectedRows rejected={analysis.rejected} fileName={file?.name ?? 'import'} />
                  </>
                )}
              </Stack>
            )}
          </Stepper.Step>

          <Stepper.Step label={t('flows:import.steps.run')}>
            {analysis && (
              <Stack gap="md" mt="md" maw={720}>
                <ImportSummary result={analysis} dryRun />
                {(problems.missing.length > 0 || problems.twice.length > 0) && (
                  <Alert color="orange" variant="light">
                    {t('flows:import.mapping.unresolved')}
                  </Alert>
                )}
                <Radio.Group label={t('flows:import.mode')} value={mode} onChange={(value) => setMode(value as ImportMode)}>
                  <Stack gap="xs" mt="xs">
                    {(['dry-run', 'all-or-nothing', 'valid-only'] as const).map((m) => (
                      <Radio key={m} value={m} label={t(`flows:import.modes.${m}`)} description={t(`flows:import.modeHints.${m}`)} disabled={busy} />
                    ))}
                  </Stack>
                </Radio.Group>
                <Group>
                  <Button onClick={() => void run()} loading={busy} disabled={busy}>
                    {mode === 'dry-run' ? t('flows:import.runDryRun') : t('flows:import.run')}
                  </Button>
                </Group>
                {mode === 'dry-run' && <RejectedRows rejected={analysis.rejected} fileName={file?.name ?? 'import'} />}
              </Stack>
            )}
          </Stepper.Step>

          <Stepper.Completed>
            {result && (
              <Stack gap="md" mt="md">
                <Title order={2} size="h4">
                  {t('flows:import.resultTitle')}
                </Title>
                <ImportSummary result={result} dryRun={false} />
                <RejectedRows rejected={result.rejected} fileName={file?.name ?? 'import'} />
                <Group>
                  <Anchor component={Link} to="/flows">
                    {t('flows:import.toDashboard')}
                  </Anchor>
                  <Anchor component={Link} to="/flows/counts">
                    {t('flows:import.toCounts')}
                  </Anchor>
                  <Button variant="default" onClick={restart}>
                    {t('flows:import.another')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stepper.Completed>
        </Stepper>

        {running && (
          <Stack mt="lg" gap="sm">
            <ImportProgressBars sent={running.sent} total={running.total} progress={progress} />
            <Group>
              <Button variant="subtle" color="red" onClick={() => abort.current?.abort()}>
                {t('flows:import.cancelUpload')}
              </Button>
            </Group>
          </Stack>
        )}
        {error !== null && <ImportError error={error} />}
      </Paper>

      <Title order={2} size="h3" mb="sm">
        {t('flows:import.history.title')}
      </Title>
      <ImportHistory />
    </>
  );
}
