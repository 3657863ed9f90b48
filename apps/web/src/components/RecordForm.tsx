// Record forms: their state (starting from the record or from defaults) and submission, and the frame
// they share: what the server refused on top, the fields, then cancel and save (left out when read-only).
import type { ReactNode } from 'react';
import { Button, Group, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormErrorAlert, useFormState, type FieldErrors } from './forms';
import { useFormSubmit, type FormSubmission } from './useFormSubmit';

/** What a record form takes from its page: the record (absent when creating), and how to save and reload it. */
export interface RecordFormProps<T, V> {
  record?: T;
  readOnly: boolean;
  onSubmit: (values: V) => Promise<void>;
  /** Loads the record again, offered when a save was refused as stale. */
  onReload?: () => void;
}

/** A record as a form reads it: any of the form's fields, null where the record has no value. */
type RecordValues<V> = { readonly [K in keyof V]?: V[K] | null };

interface RecordFormOptions<V extends object> {
  /** A new record's values; an existing record's own values (other than null) replace them. */
  defaults: V;
  /** The fields the form shows: a server error on one of them appears next to it. */
  fields: readonly (keyof V & string)[];
  /** The client-side checks; a message on any field stops the submission. */
  validate?: (values: V) => FieldErrors<V>;
}

/** A form's starting values: the record's own where it has one, else the default. */
function startingValues<V extends object>(record: RecordValues<V> | undefined, defaults: V): V {
  const values = { ...defaults };
  if (!record) return values;
  for (const key of Object.keys(defaults) as (keyof V)[]) {
    const value = record[key];
    if (value !== undefined && value !== null) values[key] = value;
  }
  return values;
}

/** A record form's values, errors and submission, for its inputs and for `RecordForm`. */
export function useRecordForm<V extends object>(
  { record, readOnly, onSubmit, onReload }: RecordFormProps<NoInfer<RecordValues<V>>, V>,
  { defaults, fields, validate }: RecordFormOptions<NoInfer<V>>,
) {
  const form = useFormState<V>(() => startingValues(record, defaults));
  const submission = useFormSubmit(form, { fields, validate, onSubmit, readOnly });
  return { ...form, submission, creating: record === undefined, onReload };
}

interface RecordFormLayoutProps {
  /** The form's state and submission, as useRecordForm gives them. */
  form: { submitError: unknown; otherErrors: readonly string[]; submission: FormSubmission; creating: boolean; onReload?: () => void };
  /** Where Cancel leads. */
  cancelTo: string;
  /** The form's maximum width. */
  maw: number;
  children: ReactNode;
}

/** A record's `<form>`: error alert, the fields given as children, and the cancel/save footer. */
export function RecordForm({ form, cancelTo, maw, children }: RecordFormLayoutProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { submission } = form;
  return (
    <form onSubmit={submission.submit} noValidate>
      <Stack gap="lg" maw={maw}>
        <FormErrorAlert error={form.submitError} other={form.otherErrors} onReload={form.onReload} />
        {children}
        {!submission.readOnly && (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate(cancelTo)} disabled={submission.pending}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={submission.pending}>
              {form.creating ? t('common:actions.create') : t('common:actions.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** A bordered panel of fields that are disabled together (read-only form, or saving). */
export function FieldsPanel({ disabled, children }: { disabled: boolean; children: ReactNode }) {
  return (
    <Paper withBorder p="lg">
      <fieldset disabled={disabled} style={{ border: 0, margin: 0, padding: 0 }}>
        {children}
      </fieldset>
    </Paper>
  );
}
