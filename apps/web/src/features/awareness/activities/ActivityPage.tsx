// /awareness/activities/new and /awareness/activities/:id: recording an activity (tablet-first form),
// then its photos and its optional named participant list.
import { Fragment, useState } from 'react';
import { Alert, FileButton, Group, Button, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhotoUp } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAuth } from '../../../app/auth';
import { describeError } from '../../../app/errors';
import { PageHeader } from '../../../components/PageHeader';
import { LoadingState } from '../../../components/States';
import { QueryGate, useCreateRecord, useEditRecord, versionKey, type RecordResource } from '../../../components/recordPages';
import { awarenessApi, awarenessKeys, photoUrl, uploadPhoto, type Activity, type ActivityInput, type ActivityPatch } from '../api';
import { useEnumLabel } from '../shared';
import { ActivityForm, inputOf, patchOf, valuesOf } from './ActivityForm';
import { ParticipantsEditor } from './ParticipantsEditor';

const RESOURCE: RecordResource<Activity, ActivityInput, ActivityPatch> = {
  api: { get: awarenessApi.activity, create: awarenessApi.createActivity, update: awarenessApi.updateActivity },
  queryKey: awarenessKeys.activity,
  listQueryKey: awarenessKeys.all,
  path: '/awareness/activities',
};

const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** The photos of an activity and the button that adds one. */
function Photos({ activity, readOnly, onUploaded }: { activity: Activity; readOnly: boolean; onUploaded: () => void }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (!['image/jpeg', 'image/png'].includes(file.type)) return setError(t('awareness:photos.wrongType'));
    if (file.size > MAX_PHOTO_BYTES) return setError(t('awareness:photos.tooLarge'));
    setPending(true);
    try {
      await uploadPhoto(activity.id, file);
      notifications.show({ color: 'green', message: t('awareness:photos.uploaded') });
      onUploaded();
    } catch (cause) {
      setError(describeError(t, cause));
    } finally {
      setPending(false);
    }
  };
  const photos = activity.photos ?? [];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="photos-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title id="photos-title" order={2} size="h4">
            {t('awareness:photos.title')}
          </Title>
          {!readOnly && (
            <FileButton onChange={(file) => void upload(file)} accept="image/jpeg,image/png">
              {(props) => (
                <Button {...props} size="md" variant="light" loading={pending} leftSection={<IconPhotoUp size={18} aria-hidden />}>
                  {t('awareness:photos.add')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('awareness:photos.hint')}
        </Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {photos.length === 0 ? (
          <Text size="sm">{t('awareness:photos.none')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
            {photos.map((photo, index) => (
              <Image key={photo.id} src={photoUrl(activity.id, photo.id)} alt={t('awareness:photos.alt', { n: index + 1 })} radius="sm" h={140} fit="cover" />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

/** The participant list editor, once the saved list (if any) has loaded. */
function Participants({ activity, readOnly, onSaved }: { activity: Activity; readOnly: boolean; onSaved: () => void }) {
  const saved = useQuery({ queryKey: [...awarenessKeys.activity(activity.id), 'participants', activity.version], queryFn: () => awarenessApi.participants(activity.id), enabled: activity.participantCount > 0 });
  if (activity.participantCount > 0 && saved.isPending) return <LoadingState />;
  return <ParticipantsEditor activityId={activity.id} reach={activity.reached} savedCount={activity.participantCount} initial={saved.data?.participants} readOnly={readOnly} onSaved={onSaved} />;
}

/** An existing activity: its form, photos and participants. */
function EditActivity({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const label = useEnumLabel();
  const queryClient = useQueryClient();
  const edit = useEditRecord(RESOURCE, id, () => t('awareness:activities.saved'));
  const refresh = () => {
    void edit.query.refetch();
    void queryClient.invalidateQueries({ queryKey: awarenessKeys.all });
  };
  return (
    <QueryGate query={edit.query}>
      {(activity) => {
        const readOnly = !can('awareness.manage') || !activity.abilities.update;
        return (
          <>
            <PageHeader title={t('awareness:activities.editTitle', { type: label('activityType', activity.type), date: activity.date })} back={{ to: RESOURCE.path, label: t('awareness:activities.title') }} />
            <Stack gap="lg">
              <Fragment key={versionKey(activity)}>
                <ActivityForm record={valuesOf(activity)} readOnly={readOnly} onReload={edit.reload} onSubmit={(values) => edit.save(activity, patchOf(values))} />
              </Fragment>
              <Photos activity={activity} readOnly={!can('awareness.manage') || !activity.abilities.addPhoto} onUploaded={refresh} />
              <Participants key={`p-${versionKey(activity)}`} activity={activity} readOnly={readOnly || !activity.abilities.editParticipants} onSaved={refresh} />
            </Stack>
          </>
        );
      }}
    </QueryGate>
  );
}

/** A new activity: the form; once created, its page opens for photos and participants. */
function CreateActivity() {
  const { t } = useTranslation();
  const create = useCreateRecord(RESOURCE, () => t('awareness:activities.created'));
  return (
    <>
      <PageHeader title={t('awareness:activities.createTitle')} back={{ to: RESOURCE.path, label: t('awareness:activities.title') }} />
      <ActivityForm readOnly={false} onSubmit={(values) => create(inputOf(values))} />
    </>
  );
}

/** The activity page (create or edit). */
export default function ActivityPage() {
  const { id } = useParams();
  return id ? <EditActivity id={id} /> : <CreateActivity />;
}
