// A person's photo, for roles cleared to see it: view, replace (JPEG, PNG or WebP up to 2 MB, with a
// photo consent on record) and remove.
import { useState } from 'react';
import { Button, FileButton, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Person } from '@taama/core';
import { describeError } from '../../../app/errors';
import { peopleApi, photoUrl, registryKeys, uploadPhoto } from '../api';

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 2 * 1024 * 1024;

/** The photo panel of the identity tab. */
export function PhotoPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  // A new upload keeps the record's version: a counter makes the browser fetch the new image.
  const [uploads, setUploads] = useState(0);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: registryKeys.person(person.id) });
  const upload = useMutation({ mutationFn: (file: File) => uploadPhoto(person.id, file), onSuccess: () => { setUploads((n) => n + 1); refresh(); }, onError: (e) => setProblem(describeError(t, e)) });
  const remove = useMutation({ mutationFn: () => peopleApi.deletePhoto(person.id), onSuccess: refresh, onError: (e) => setProblem(describeError(t, e)) });
  const pick = (file: File | null) => {
    setProblem(null);
    if (!file) return;
    if (!TYPES.includes(file.type)) return setProblem(t('registry:photo.wrongType'));
    if (file.size > MAX_BYTES) return setProblem(t('registry:photo.tooLarge'));
    upload.mutate(file);
  };
  const hasPhotoConsent = person.consents.some((c) => c.kind === 'photo' && !c.withdrawnOn);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text fw={600} size="sm">{t('registry:photo.title')}</Text>
        {person.hasPhoto ? (
          <Image src={photoUrl(person.id, `${person.version}-${uploads}`)} alt={t('registry:photo.alt', { caseNumber: person.caseNumber })} radius="sm" />
        ) : (
          <Text size="sm" c="dimmed">{t('registry:photo.none')}</Text>
        )}
        {person.abilities.update && (
          <Group gap="xs">
            <FileButton onChange={pick} accept={TYPES.join(',')}>
              {(props) => <Button {...props} size="xs" variant="light" loading={upload.isPending} disabled={!hasPhotoConsent}>{person.hasPhoto ? t('registry:photo.replace') : t('registry:photo.upload')}</Button>}
            </FileButton>
            {person.hasPhoto && <Button size="xs" variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>{t('registry:photo.remove')}</Button>}
          </Group>
        )}
        {!hasPhotoConsent && person.abilities.update && <Text size="xs" c="dimmed">{t('registry:photo.needsConsent')}</Text>}
        {problem && <Text size="xs" c="red" role="alert">{problem}</Text>}
      </Stack>
    </Paper>
  );
}
