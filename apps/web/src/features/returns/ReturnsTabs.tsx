// The sub-navigation of the returns area: pipeline, cases, movements, arrival desk, documents, dashboard.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../app/auth';

const TABS = [
  { key: 'pipeline', path: '/returns', permission: 'returnCase.read', exact: true },
  { key: 'cases', path: '/returns/cases', permission: 'returnCase.read' },
  { key: 'movements', path: '/returns/movements', permission: 'returnCase.read' },
  { key: 'arrivals', path: '/returns/arrivals', permission: 'returnCase.update' },
  { key: 'documents', path: '/returns/documents', permission: 'returnCase.read' },
  { key: 'dashboard', path: '/returns/dashboard', permission: 'returnCase.read' },
] as const;

/** Links to the area's screens this user may open; the current one is marked. */
export function ReturnsTabs() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label={t('returns:tabs.label')} gap={4} mb="md" wrap="wrap">
      {TABS.filter((tab) => can(tab.permission)).map((tab) => {
        const current = 'exact' in tab ? pathname === tab.path : pathname === tab.path || pathname.startsWith(`${tab.path}/`);
        return (
          <Button key={tab.key} component={Link} to={tab.path} size="sm" variant={current ? 'light' : 'subtle'} aria-current={current ? 'page' : undefined}>
            {t(`returns:tabs.${tab.key}`)}
          </Button>
        );
      })}
    </Group>
  );
}
