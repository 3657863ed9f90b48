// Creating or editing a role: name, scope, sensitivity ceiling and the permission matrix.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { SCOPE_KINDS, SENSITIVITY_LEVELS, type Role, type RoleInput, type RolePatch, type ScopeKind, type Sensitivity } from '@taama/core';
import { rolesApi } from '../../../api/endpoints';
import { useAuth } from '../../../app/auth';
import { FormErrorAlert, useFormState, type FieldErrors } from '../../../components/forms';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { adminKeys, useEnumOptions, useRoleLabel } from '../shared';
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
const CODE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

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

function RoleForm({ role, readOnly, onSubmit, onReload }: { role?: Role; readOnly: boolean; onSubmit: (values: Values) => Promise<void>; onReload?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permissions = useQuery({ queryKey: adminKeys.permissions, queryFn: rolesApi.permissions, staleTime: Infinity });
  const scopeOptions = useEnumOptions('scope', SCOPE_KINDS);
  const sensitivityOptions = useEnumOptions('sensitivity', SENSITIVITY_LEVELS);
  const form = useFormState<Values>(() => ({
    code: role?.code ?? '',
    name: role?.name ?? '',
    description: role?.description ?? '',
    scope: role?.scope ?? 'site',
    maxSensitivity: role?.maxSensitivity ?? 'internal',
    permissions: role?.permissions ?? [],
  }));
  const [pending, setPending] = useState(false);
  const { values, errors } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || readOnly) return;
    form.clearServerError();
    const found: FieldErrors<Values> = {};
    if (!role) {
      if (!values.code.trim()) found.code = t('common:fieldMessages.required');
      else if (!CODE.test(values.code.trim())) found.code = t('common:fieldMessages.format');
    }
    if (!values.name.trim()) found.name = t('common:fieldMessages.required');
    form.setErrors(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      await onSubmit(values);
    } catch (error) {
      form.showServerError(t, error, FIELDS);
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="lg" maw={1200}>
        <FormErrorAlert error={form.submitError} other={form.otherErrors} onReload={onReload} />
        <Fieldset legend={t('admin:roles.detailsSection')} disabled={readOnly || pending}>
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
        <Fieldset legend={t('admin:roles.fields.permissions')} disabled={readOnly || pending}>
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
              disabled={readOnly || pending}
              error={errors.permissions}
            />
          )}
        </Fieldset>
        {!readOnly && (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate('/admin/roles')} disabled={pending}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {role ? t('common:actions.save') : t('common:actions.create')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function EditRole({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const roleLabel = useRoleLabel();
  const role = useQuery({ queryKey: adminKeys.role(id), queryFn: () => rolesApi.get(id) });
  if (role.isPending) return <LoadingState />;
  if (role.isError) return <ErrorState error={role.error} onRetry={() => void role.refetch()} />;
  const current = role.data;
  return (
    <>
      <PageHeader title={t('admin:roles.editTitle', { name: roleLabel(current.code, current) })} back={{ to: '/admin/roles', label: t('admin:roles.title') }} />
      {current.builtin && (
        <Alert color="indigo" variant="light" icon={<IconInfoCircle aria-hidden />} mb="lg" maw={1200}>
          {t('admin:roles.builtinNotice')}
        </Alert>
      )}
      <RoleForm
        key={`${current.id}:${current.version}`}
        role={current}
        readOnly={!can('role.manage')}
        onReload={() => void role.refetch()}
        onSubmit={async (values) => {
          const updated = await rolesApi.update(current.id, current.version, rolePatch(current, values));
          queryClient.setQueryData(adminKeys.role(id), updated);
          void queryClient.invalidateQueries({ queryKey: adminKeys.roles });
          notifications.show({ color: 'green', message: t('admin:roles.saved', { name: updated.name }) });
        }}
      />
    </>
  );
}

function CreateRole() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader title={t('admin:roles.createTitle')} back={{ to: '/admin/roles', label: t('admin:roles.title') }} />
      <RoleForm
        readOnly={false}
        onSubmit={async (values) => {
          const input: RoleInput = {
            code: values.code.trim(),
            name: values.name.trim(),
            description: values.description.trim(),
            scope: values.scope,
            maxSensitivity: values.maxSensitivity,
            permissions: values.permissions as RoleInput['permissions'],
          };
          const created = await rolesApi.create(input);
          void queryClient.invalidateQueries({ queryKey: adminKeys.roles });
          notifications.show({ color: 'green', message: t('admin:roles.created', { name: created.name }) });
          await navigate(`/admin/roles/${created.id}`);
        }}
      />
    </>
  );
}

/** /admin/roles/new and /admin/roles/:id. */
export default function RoleFormPage() {
  const { id } = useParams();
  return id ? <EditRole id={id} /> : <CreateRole />;
}
