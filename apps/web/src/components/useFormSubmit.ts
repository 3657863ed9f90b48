// Submitting a form: the client's own checks first, then the save, with a pending flag and the
// server's refusal shown on the form (inline on its fields, the rest in FormErrorAlert).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors, FormState } from './forms';

interface FormSubmitOptions<V extends object> {
  /** The fields the form shows: a server error on one of them appears next to it. */
  fields: readonly (keyof V & string)[];
  /** The client-side checks; a message on any field stops the submission. */
  validate?: (values: V) => FieldErrors<V>;
  /** Sends the values; what it throws is shown on the form. */
  onSubmit: (values: V) => Promise<unknown>;
  /** A read-only form never submits. */
  readOnly?: boolean;
}

/** A form's submission state, for its `<form>`, its inputs and its buttons. */
export interface FormSubmission {
  /** The form element's onSubmit handler. */
  submit: (event: FormEvent) => void;
  /** A submission is under way. */
  pending: boolean;
  readOnly: boolean;
  /** The inputs are disabled: the form is read-only or being submitted. */
  locked: boolean;
}

/** Runs a form's submission once at a time: validation, pending flag and the server's errors. */
export function useFormSubmit<V extends object>(form: FormState<V>, { fields, validate, onSubmit, readOnly = false }: FormSubmitOptions<V>): FormSubmission {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);

  const run = async () => {
    if (pending || readOnly) return;
    form.clearServerError();
    const found = validate ? validate(form.values) : {};
    form.setErrors(found);
    if (Object.values(found).some((message) => message !== undefined)) return;
    setPending(true);
    try {
      await onSubmit(form.values);
    } catch (error) {
      form.showServerError(t, error, fields);
    } finally {
      setPending(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };

  return { submit, pending, readOnly, locked: readOnly || pending };
}
