// Pages that create or edit one versioned record: loading it, saving a patch with If-Match, keeping
// the cache fresh and saying so; creating one, then opening its page; and both behind one route.
import { Fragment, useCallback, type ComponentType, type ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from './PageHeader';
import type { RecordFormProps } from './RecordForm';
import { ErrorState, LoadingState } from './States';

/** A record the API versions: an edit sends the version it loaded as If-Match. */
export interface VersionedRecord {
  id: string;
  version: number;
}

/** Where one record and the lists of its kind are kept in the query cache. */
export interface RecordKeys {
  queryKey: (id: string) => QueryKey;
  /** The prefix of every list of this kind, refreshed after each save. */
  listQueryKey: QueryKey;
}

/** How the pages reach one kind of record: its API calls, its cache keys and its pages' path. */
export interface RecordResource<T extends VersionedRecord, I, P> extends RecordKeys {
  api: {
    get: (id: string) => Promise<T>;
    create: (input: I) => Promise<T>;
    update: (id: string, version: number, patch: P) => Promise<T>;
  };
  /** The list page; a record's own page is `${path}/${id}`. */
  path: string;
}

/** The key that remounts a record's form when another version of it is loaded. */
export function versionKey(record: VersionedRecord): string {
  return `${record.id}:${record.version}`;
}

/** Puts a record the server returned after a change in the cache, and refreshes the lists of its kind. */
export function useRecordSaved(keys: RecordKeys): (updated: VersionedRecord) => void {
  const queryClient = useQueryClient();
  const { queryKey, listQueryKey } = keys;
  return useCallback(
    (updated: VersionedRecord) => {
      queryClient.setQueryData(queryKey(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: listQueryKey });
    },
    [queryClient, queryKey, listQueryKey],
  );
}

/** One record loaded for its edit page, and saving a patch to it with If-Match (announced when done). */
export function useEditRecord<T extends VersionedRecord, I, P>(resource: RecordResource<T, I, P>, id: string, savedMessage: (updated: T) => string) {
  const query = useQuery({ queryKey: resource.queryKey(id), queryFn: () => resource.api.get(id) });
  const saved = useRecordSaved(resource);
  const save = async (record: T, patch: P) => {
    const updated = await resource.api.update(record.id, record.version, patch);
    saved(updated);
    notifications.show({ color: 'green', message: savedMessage(updated) });
  };
  const reload = () => void query.refetch();
  return { query, save, saved, reload };
}

/** A spinner while the query loads, its error with a retry if it failed, then its data rendered. */
export function QueryGate<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** How a record's form saves and reloads it. */
export interface RecordEdit<P> {
  /** Sends the changed fields with the loaded version as If-Match. */
  save: (patch: P) => Promise<void>;
  reload: () => void;
}

interface EditRecordPageProps<T extends VersionedRecord, I, P> {
  resource: RecordResource<T, I, P>;
  id: string;
  title: (record: T) => string;
  /** The name of the list page the header links back to. */
  backLabel: string;
  /** Shown between the header and the form. */
  notice?: (record: T) => ReactNode;
  /** The notification after a save. */
  savedMessage: (updated: T) => string;
  /** The form; it starts afresh from each version of the record loaded. */
  form: (record: T, edit: RecordEdit<P>) => ReactNode;
}

/** The edit page of one record: loading and error states, its header, and its form. */
export function EditRecordPage<T extends VersionedRecord, I, P>({ resource, id, title, backLabel, notice, savedMessage, form }: EditRecordPageProps<T, I, P>) {
  const edit = useEditRecord(resource, id, savedMessage);
  return (
    <QueryGate query={edit.query}>
      {(record) => (
        <>
          <PageHeader title={title(record)} back={{ to: resource.path, label: backLabel }} />
          {notice?.(record)}
          <Fragment key={versionKey(record)}>{form(record, { save: (patch) => edit.save(record, patch), reload: edit.reload })}</Fragment>
        </>
      )}
    </QueryGate>
  );
}

/** Creates a record, refreshes the lists of its kind, announces it and opens its page. */
export function useCreateRecord<T extends VersionedRecord, I, P>(resource: RecordResource<T, I, P>, createdMessage: (created: T) => string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return async (input: I) => {
    const created = await resource.api.create(input);
    void queryClient.invalidateQueries({ queryKey: resource.listQueryKey });
    notifications.show({ color: 'green', message: createdMessage(created) });
    await navigate(`${resource.path}/${created.id}`);
  };
}

interface CreateRecordPageProps<T extends VersionedRecord, I, P> {
  resource: RecordResource<T, I, P>;
  title: string;
  /** The name of the list page the header links back to. */
  backLabel: string;
  /** The notification once created. */
  createdMessage: (created: T) => string;
  /** The form; `create` sends the new record, then opens its page. */
  form: (create: (input: I) => Promise<void>) => ReactNode;
}

/** The creation page of a record: its header and its form. */
export function CreateRecordPage<T extends VersionedRecord, I, P>({ resource, title, backLabel, createdMessage, form }: CreateRecordPageProps<T, I, P>) {
  const create = useCreateRecord(resource, createdMessage);
  return (
    <>
      <PageHeader title={title} back={{ to: resource.path, label: backLabel }} />
      {form(create)}
    </>
  );
}

interface RecordFormPageProps<T extends VersionedRecord, I, P, V> {
  resource: RecordResource<T, I, P>;
  /** The record's form, for creating and for editing. */
  Form: ComponentType<RecordFormProps<T, V>>;
  /** A new record from the form's values. */
  toInput: (values: V) => I;
  /** What the form's values change in the record. */
  toPatch: (record: T, values: V) => P;
  /** An existing record can be looked at but not changed. */
  readOnly: boolean;
  /** The name of the list page the header links back to. */
  backLabel: string;
  createTitle: string;
  editTitle: (record: T) => string;
  /** Shown between the header and the edit form. */
  notice?: (record: T) => ReactNode;
  createdMessage: (created: T) => string;
  savedMessage: (updated: T) => string;
}

/** `${path}/new` creates a record, `${path}/:id` edits one, with the same form. */
export function RecordFormPage<T extends VersionedRecord, I, P, V>(props: RecordFormPageProps<T, I, P, V>) {
  const { resource, Form, toInput, toPatch, readOnly, backLabel } = props;
  const { id } = useParams();
  if (!id) {
    return (
      <CreateRecordPage
        resource={resource}
        title={props.createTitle}
        backLabel={backLabel}
        createdMessage={props.createdMessage}
        form={(create) => <Form readOnly={false} onSubmit={(values) => create(toInput(values))} />}
      />
    );
  }
  return (
    <EditRecordPage
      resource={resource}
      id={id}
      title={props.editTitle}
      backLabel={backLabel}
      notice={props.notice}
      savedMessage={props.savedMessage}
      form={(record, edit) => <Form record={record} readOnly={readOnly} onReload={edit.reload} onSubmit={(values) => edit.save(toPatch(record, values))} />}
    />
  );
}
