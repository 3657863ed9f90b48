// Small form toolkit: values and per-field errors in state, and the alert that shows what the server
// refused (stale version with a reload button, errors on fields the form does not show).
import { useCallback, useState } from 'react';
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { describeError, mapFieldErrors } from '../app/errors';

export type FieldErrors<V> = Partial<Record<keyof V & string, string>>;

/** Form values and field errors; setting a field clears its error. */
export function useFormState<V extends object>(initial: V | (() => V)) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors<V>>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [submitError, setSubmitError] = useState<unknown>(null);

  const set = useCallback(<K extends keyof V & string>(key: K, value: V[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      if (current[key] === undefined) return current;
      const next = { ...current };
      delete next[key];
      return next;
    });
  }, []);

  /** Shows a failed submission: field errors inline, the rest in the alert. */
  const showServerError = useCallback((t: TFunction, error: unknown, fields: readonly (keyof V & string)[]) => {
    const mapped = mapFieldErrors(t, error, fields);
    setErrors(mapped.fields as FieldErrors<V>);
    setOtherErrors(mapped.other);
    setSubmitError(error);
  }, []);

  const clearServerError = useCallback(() => {
    setOtherErrors([]);
    setSubmitError(null);
  }, []);

  return { values, setValues, errors, setErrors, set, otherErrors, submitError, showServerError, clearServerError };
}

/** What useFormState gives a form: values, field errors and the last refused submission. */
export type FormState<V extends object> = ReturnType<typeof useFormState<V>>;

/** Reads an optional text input: '' becomes null. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

interface FormErrorAlertProps {
  error: unknown;
  other?: readonly string[];
  onReload?: () => void;
}

/** What went wrong with the last submission; nothing when it went well. */
export function FormErrorAlert({ error, other = [], onReload }: FormErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const stale = error instanceof ApiError && error.isStale;
  return (
    <Alert color={stale ? 'orange' : 'red'} variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{describeError(t, error)}</Text>
        {other.length > 0 && (
          <List size="sm">
            {other.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        )}
        {stale && onReload && (
          <Button size="xs" variant="outline" color="orange" onClick={onReload}>
            {t('common:actions.reload')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
