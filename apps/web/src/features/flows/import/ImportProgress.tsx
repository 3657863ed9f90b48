// The progress of a running import: the upload (bytes sent, from the browser) and the server's
// reading of the rows (polled from /flows/imports/{id}/progress while the upload request is open).
import { useEffect, useState } from 'react';
import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '@taama/core';
import { flowsApi } from '../api';

const POLL_MS = 700;

/** Polls an import's progress while `active`; stops on done, failure or when unmounted. */
export function useImportProgress(importId: string | null, active: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!importId || !active) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await flowsApi.importProgress(importId);
        if (stopped) return;
        setProgress(next);
        if (next.status !== 'running') return;
      } catch {
        // Not started yet on the server (404) or a hiccup: try again shortly.
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [importId, active]);
  return progress;
}

/** Two bars: the file sent, then the rows read. */
export function ImportProgressBars({ sent, total, progress }: { sent: number; total: number; progress: ImportProgress | null }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const uploaded = total > 0 ? Math.round((sent / total) * 100) : 0;
  const read = progress?.totalBytes ? Math.round((progress.bytesRead / progress.totalBytes) * 100) : 0;
  return (
    <Stack gap="xs" role="status" aria-live="polite">
      <Text size="sm">{t('flows:import.progress.upload', { percent: uploaded })}</Text>
      <Progress value={uploaded} aria-label={t('flows:import.progress.uploadLabel')} animated={uploaded < 100} />
      <Text size="sm">{progress ? t('flows:import.progress.rows', { rows: number.format(progress.rowsRead), percent: read }) : t('flows:import.progress.waiting')}</Text>
      <Progress value={progress?.status === 'done' ? 100 : read} aria-label={t('flows:import.progress.rowsLabel')} animated={progress?.status !== 'done'} color="teal" />
    </Stack>
  );
}
