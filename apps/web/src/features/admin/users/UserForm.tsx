// The user form, for creating an account or editing one (If-Match: the version loaded).
import { Fieldset, MultiSelect, PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, PASSWORD_MIN_LENGTH, type User, type UserInput, type UserPatch } from '@taama/core';
import { orNull, type FieldErrors } from '../../../components/forms';
import { RecordForm, useRecordForm, type RecordFormProps } from '../../../components/RecordForm';
import { adminResources, OrganisationSelect, useEnumOptions, useRoleLabel, useRoles, useSites } from '../shared';

export interface UserFormValues {
  username: string;
  displayName: string;
  email: string;
  phone: string;
  locale: string;
  organisationId: string;
  siteId: string;
  regionPcode: string;
  roles: string[];
  password: string;
}

const FIELDS = ['username', 'displayName', 'email', 'phone', 'locale', 'organisationId', 'siteId', 'regionPcode', 'roles', 'password'] as const;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,49}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9][0-9]{6,14}$/;
const PCODE = /^[A-Z]{2}[0-9]{0,6}$/;

/** The fields of a user patch that differ from the loaded user. */
export function userPatch(user: User, values: UserFormValues): UserPatch {
  const patch: UserPatch = {};
  if (values.displayName.trim() !== user.displayName) patch.displayName = values.displayName.trim();
  if (orNull(values.email) !== (user.email ?? null)) patch.email = orNull(values.email);
  if (orNull(values.phone) !== (user.phone ?? null)) patch.phone = orNull(values.phone);
  if (values.locale !== user.locale) patch.locale = values.locale === 'en' ? 'en' : 'fr';
  if (values.organisationId !== user.organisationId) patch.organisationId = values.organisationId;
  if (orNull(values.siteId) !== user.siteId) patch.siteId = orNull(values.siteId);
  if (orNull(values.regionPcode) !== user.regionPcode) patch.regionPcode = orNull(values.regionPcode);
  const sortedRoles = [...values.roles].sort();
  if (sortedRoles.join(',') !== [...user.roles].sort().join(',')) patch.roles = sortedRoles;
  return patch;
}

/** A new account from the form's values. */
export function userInput(values: UserFormValues): UserInput {
  return {
    username: values.username.trim(),
    displayName: values.displayName.trim(),
    email: orNull(values.email),
    phone: orNull(values.phone),
    locale: values.locale === 'en' ? 'en' : 'fr',
    organisationId: values.organisationId,
    siteId: orNull(values.siteId),
    regionPcode: orNull(values.regionPcode),
    roles: values.roles,
    password: values.password,
  };
}

/** Account, placement and roles of a user (absent when creating), validated here first and then by the server. */
export function UserForm(props: RecordFormProps<User, UserFormValues>) {
  const { t } = useTranslation();
  const roles = useRoles();
  const sites = useSites();
  const roleLabel = useRoleLabel();
  const localeOptions = useEnumOptions('locale', LOCALES);
  const creating = !props.record;

  const validate = (values: UserFormValues): FieldErrors<UserFormValues> => {
    const found: FieldErrors<UserFormValues> = {};
    const required = t('common:fieldMessages.required');
    if (creating) {
      if (!values.username.trim()) found.username = required;
      else if (!USERNAME.test(values.username.trim())) found.username = t('common:fieldMessages.format');
      if (!values.password) found.password = required;
      else if (values.password.length < PASSWORD_MIN_LENGTH) found.password = t('common:fieldMessages.minChars', { count: PASSWORD_MIN_LENGTH });
    }
    if (!values.displayName.trim()) found.displayName = required;
    if (values.email.trim() && !EMAIL.test(values.email.trim())) found.email = t('common:fieldMessages.email');
    if (values.phone.trim() && !PHONE.test(values.phone.trim())) found.phone = t('common:fieldMessages.format');
    if (values.regionPcode.trim() && !PCODE.test(values.regionPcode.trim())) found.regionPcode = t('common:fieldMessages.format');
    if (!values.organisationId) found.organisationId = required;
    if (values.roles.length === 0) found.roles = required;
    return found;
  };

  const form = useRecordForm(props, {
    defaults: { username: '', displayName: '', email: '', phone: '', locale: 'fr', organisationId: '', siteId: '', regionPcode: '', roles: [], password: '' },
    fields: FIELDS,
    validate,
  });
  const { values, errors } = form;

  const siteOptions = (sites.data ?? [])
    .filter((s) => !values.organisationId || s.organisationId === values.organisationId || s.id === values.siteId)
    .map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }));

  return (
    <RecordForm form={form} cancelTo={adminResources.users.path} maw={880}>
      <Fieldset legend={t('admin:users.accountSection')} disabled={form.submission.locked}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {creating && (
            <TextInput
              label={t('admin:users.fields.username')}
              description={t('admin:users.fields.usernameHint')}
              required
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={values.username}
              error={errors.username}
              onChange={(event) => form.set('username', event.currentTarget.value.toLowerCase())}
            />
          )}
          <TextInput
            label={t('admin:users.fields.displayName')}
            required
            value={values.displayName}
            error={errors.displayName}
            onChange={(event) => form.set('displayName', event.currentTarget.value)}
          />
          <TextInput
            label={t('admin:users.fields.email')}
            type="email"
            autoComplete="off"
            value={values.email}
            error={errors.email}
            onChange={(event) => form.set('email', event.currentTarget.value)}
          />
          <TextInput
            label={t('admin:users.fields.phone')}
            description={t('admin:users.fields.phoneHint')}
            type="tel"
            value={values.phone}
            error={errors.phone}
            onChange={(event) => form.set('phone', event.currentTarget.value)}
          />
          <Select
            label={t('admin:users.fields.locale')}
            data={localeOptions}
            value={values.locale}
            allowDeselect={false}
            error={errors.locale}
            onChange={(value) => form.set('locale', value ?? 'fr')}
          />
          {creating && (
            <PasswordInput
              label={t('admin:users.fields.password')}
              description={t('admin:users.fields.passwordHint')}
              required
              autoComplete="new-password"
              value={values.password}
              error={errors.password}
              onChange={(event) => form.set('password', event.currentTarget.value)}
            />
          )}
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('admin:users.placementSection')} disabled={form.submission.locked}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <OrganisationSelect label={t('admin:users.fields.organisation')} value={values.organisationId} error={errors.organisationId} onChange={(id) => form.set('organisationId', id)} />
          <Select
            label={t('admin:users.fields.site')}
            placeholder={t('admin:users.fields.noSite')}
            searchable
            clearable
            data={siteOptions}
            value={values.siteId || null}
            error={errors.siteId}
            onChange={(value) => form.set('siteId', value ?? '')}
            nothingFoundMessage={t('common:states.emptyTitle')}
          />
          <TextInput
            label={t('admin:users.fields.regionPcode')}
            description={t('admin:users.fields.regionPcodeHint')}
            value={values.regionPcode}
            error={errors.regionPcode}
            onChange={(event) => form.set('regionPcode', event.currentTarget.value.toUpperCase())}
          />
          <MultiSelect
            label={t('admin:users.fields.roles')}
            required
            searchable
            data={(roles.data ?? []).map((r) => ({ value: r.code, label: roleLabel(r.code, r) }))}
            value={values.roles}
            error={errors.roles}
            onChange={(value) => form.set('roles', value)}
            nothingFoundMessage={t('common:states.emptyTitle')}
          />
        </SimpleGrid>
      </Fieldset>
    </RecordForm>
  );
}
