// Permissions as a grid of checkboxes, one group per resource (person, returnCase, user…).
import { useMemo } from 'react';
import { Checkbox, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PermissionInfo } from '../../../api/endpoints';

interface PermissionMatrixProps {
  permissions: readonly PermissionInfo[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  disabled?: boolean;
  error?: string;
}

/** Groups the permission list by resource, keeping the server's order. */
export function groupByResource(permissions: readonly PermissionInfo[]): { resource: string; items: PermissionInfo[] }[] {
  const groups = new Map<string, PermissionInfo[]>();
  for (const permission of permissions) {
    const list = groups.get(permission.resource) ?? [];
    list.push(permission);
    groups.set(permission.resource, list);
  }
  return [...groups].map(([resource, items]) => ({ resource, items }));
}

/** The checkbox matrix; each resource is a labelled group with a "tick all" box. */
export function PermissionMatrix({ permissions, value, onChange, disabled, error }: PermissionMatrixProps) {
  const { t } = useTranslation();
  const groups = useMemo(() => groupByResource(permissions), [permissions]);
  const selected = new Set(value);

  const setMany = (codes: string[], on: boolean) => {
    const next = new Set(selected);
    for (const code of codes) {
      if (on) next.add(code);
      else next.delete(code);
    }
    // Keep the server's order so saved lists are stable.
    onChange(permissions.map((p) => p.code).filter((code) => next.has(code)));
  };

  return (
    <>
      {error && (
        <Text c="red.8" size="sm" role="alert" mb="xs">
          {error}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm">
        {groups.map(({ resource, items }) => {
          const codes = items.map((p) => p.code);
          const count = codes.filter((code) => selected.has(code)).length;
          const resourceLabel = t(`enums:resource.${resource}`, { defaultValue: resource });
          const titleId = `perm-${resource}`;
          return (
            <Paper key={resource} withBorder p="sm" role="group" aria-labelledby={titleId}>
              <Group justify="space-between" mb="xs" wrap="nowrap">
                <Text fw={600} size="sm" id={titleId}>
                  {resourceLabel}
                </Text>
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {t('admin:roles.matrix.selected', { count, total: codes.length })}
                  </Text>
                  <Checkbox
                    size="xs"
                    aria-label={t('admin:roles.matrix.selectAll', { resource: resourceLabel })}
                    checked={count === codes.length}
                    indeterminate={count > 0 && count < codes.length}
                    disabled={disabled}
                    onChange={(event) => setMany(codes, event.currentTarget.checked)}
                  />
                </Group>
              </Group>
              <Group gap="md">
                {items.map((permission) => (
                  <Checkbox
                    key={permission.code}
                    label={t(`enums:action.${permission.action}`, { defaultValue: permission.action })}
                    aria-label={t(`enums:permission.${permission.code}`, { defaultValue: permission.code })}
                    checked={selected.has(permission.code)}
                    disabled={disabled}
                    onChange={(event) => setMany([permission.code], event.currentTarget.checked)}
                  />
                ))}
              </Group>
            </Paper>
          );
        })}
      </SimpleGrid>
    </>
  );
}
