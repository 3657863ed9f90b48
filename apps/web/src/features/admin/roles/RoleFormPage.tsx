// Creating or editing a role: name, scope, sensitivity ceiling and the permission matrix.
import { Alert, Fieldset, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SCOPE_KINDS, SENSITIVITY_LEVELS, type Role, type RoleInput, type RolePatch, type ScopeKind, type Sensitivity } from '@taama/core';
import { rolesApi } from '../../../api/endpoints';
import { useAuth } from '../../../app/auth';
import type { FieldErrors } from '../../../components/forms';
import { RecordForm, useRecordForm, type RecordFormProps } from '../../../components/RecordForm';
import { RecordFormPage } from '../../../components/recordPages';
import { ErrorState, LoadingState } from '../../../components/States';
import { adminKeys, adminResources, codeError, useEnumOptions, useRoleLabel } from '../shared';
import { PermissionMatrix } from './PermissionMatrix';

interface Values {
  code: string;
  name: string;
  description: string;
  scope: ScopeKind;
  maxSensitivity: Sensitivity;
  permissions: string[];
}
const FIELDS = ['code', 'name', 'description', 'scope', 'maxSensitivity', 'permissions'] as const;
const RESOURCE = adminResources.roles;

function rolePatch(role: Role, values: Values): RolePatch {
  const patch: RolePatch = {};
  if (values.name.trim() !== role.name) patch.name = values.name.trim();
  if (values.description.trim() !== role.description) patch.description = values.description.trim();
  if (values.scope !== role.scope) patch.scope = values.scope;
  if (values.maxSensitivity !== role.maxSensitivity) patch.maxSensitivity = values.maxSensitivity;
  if ([...values.permissions].sort().join(',') !== [...role.permissions].sort().join(',')) {
    patch.permissions = values.permissions as RolePatch['permissions'];
  }
  return patch;
}

function RoleForm(props: RecordFormProps<Role, Values>) {
  const { t } = useTranslation();
  const role = props.record;
  const permissions = useQuery({ queryKey: adminKeys.permissions, queryFn: rolesApi.permissions, staleTime: Infinity });
  const scopeOptions = useEnumOptions('scope', SCOPE_KINDS);
  const sensitivityOptions = useEnumOptions('sensitivity', SENSITIVITY_LEVELS);
  const form = useRecordForm(props, {
    defaults: { code: '', name: '', description: '', scope: 'site', maxSensitivity: 'internal', permissions: [] },
    fields: FIELDS,
    validate: (values) => {
      const found: FieldErrors<Values> = {};
      // The code of an existing role is fixed.
      if (!role) found.code = codeError(t, values.code);
      if (!values.name.trim()) found.name = t('common:fieldMessages.required');
      return found;
    },
  });
  const { values, errors } = form;

  return (
    <RecordForm form={form} cancelTo={RESOURCE.path} maw={1200}>
      <Fieldset legend={t('admin:roles.detailsSection')} disabled={form.submission.locked}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin:roles.fields.code')}
            description={role ? t('admin:roles.fields.codeFixed') : t('admin:roles.fields.codeHint')}
            required={!role}
            readOnly={Boolean(role)}
            variant={role ? 'filled' : 'default'}
            autoComplete="off"
            spellCheck={false}
            value={values.code}
            error={errors.code}
            onChange={(event) => form.set('code', event.currentTarget.value.toLowerCase())}
          />
          <TextInput label={t('admin:roles.fields.name')} required value={values.name} error={errors.name} onChange={(event) => form.set('name', event.currentTarget.value)} />
          <Select
            label={t('admin:roles.fields.scope')}
            description={t('admin:roles.fields.scopeHint')}
            data={scopeOptions}
            allowDeselect={false}
            value={values.scope}
            error={errors.scope}
            onChange={(value) => value && form.set('scope', value as ScopeKind)}
          />
          <Select
            label={t('admin:roles.fields.maxSensitivity')}
            description={t('admin:roles.fields.maxSensitivityHint')}
            data={sensitivityOptions}
            allowDeselect={false}
            value={values.maxSensitivity}
            error={errors.maxSensitivity}
            onChange={(value) => value && form.set('maxSensitivity', value as Sensitivity)}
          />
        </SimpleGrid>
        <Textarea
          mt="sm"
          label={t('admin:roles.fields.description')}
          autosize
          minRows={2}
          maxRows={6}
          value={values.description}
          error={errors.description}
          onChange={(event) => form.set('description', event.currentTarget.value)}
        />
      </Fieldset>
      <Fieldset legend={t('admin:roles.fields.permissions')} disabled={form.submission.locked}>
        <Text size="sm" c="dimmed" mb="sm">
          {t('admin:roles.matrix.description')}
        </Text>
        {permissions.isPending ? (
          <LoadingState />
        ) : permissions.isError ? (
          <ErrorState error={permissions.error} onRetry={() => void permissions.refetch()} />
        ) : (
          <PermissionMatrix
            permissions={permissions.data.items}
            value={values.permissions}
            onChange={(next) => form.set('permissions', next)}
            disabled={form.submission.locked}
            error={errors.permissions}
          />
        )}
      </Fieldset>
    </RecordForm>
  );
}

function inputOf(values: Values): RoleInput {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    description: values.description.trim(),
    scope: values.scope,
    maxSensitivity: values.maxSensitivity,
    permissions: values.permissions as RoleInput['permissions'],
  };
}

/** /admin/roles/new and /admin/roles/:id. */
export default function RoleFormPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const roleLabel = useRoleLabel();
  return (
    <RecordFormPage
      resource={RESOURCE}
      Form={RoleForm}
      toInput={inputOf}
      toPatch={rolePatch}
      readOnly={!can('role.manage')}
      backLabel={t('admin:roles.title')}
      createTitle={t('admin:roles.createTitle')}
      editTitle={(role) => t('admin:roles.editTitle', { name: roleLabel(role.code, role) })}
      notice={(role) =>
        role.builtin && (
          <Alert color="indigo" variant="light" icon={<IconInfoCircle aria-hidden />} mb="lg" maw={1200}>
            {t('admin:roles.builtinNotice')}
          </Alert>
        )
      }
      createdMessage={(created) => t('admin:roles.created', { name: created.name })}
      savedMessage={(updated) => t('admin:roles.saved', { name: updated.name })}
    />
  );
}
