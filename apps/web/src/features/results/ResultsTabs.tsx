// The sub-navigation of the results area: dashboard, logframe, registry, periods, reports, budget.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../app/auth';

const TABS = [
  { key: 'dashboard', path: '/results', permission: 'indicator.read', exact: true },
  { key: 'logframe', path: '/results/logframe', permission: 'indicator.read' },
  { key: 'registry', path: '/results/registry', permission: 'indicator.manage' },
  { key: 'periods', path: '/results/periods', permission: 'indicator.read' },
  { key: 'reports', path: '/results/reports', permission: 'report.export' },
  { key: 'budget', path: '/results/budget', permission: 'indicator.read' },
] as const;

/** Links to the area's screens this user may open; the current one is marked. */
export function ResultsTabs() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label={t('results:tabs.label')} gap={4} mb="md" wrap="wrap">
      {TABS.filter((tab) => can(tab.permission)).map((tab) => {
        const current = 'exact' in tab ? pathname === tab.path || pathname.startsWith('/results/indicators') : pathname === tab.path || pathname.startsWith(`${tab.path}/`);
        return (
          <Button key={tab.key} component={Link} to={tab.path} size="sm" variant={current ? 'light' : 'subtle'} aria-current={current ? 'page' : undefined}>
            {t(`results:tabs.${tab.key}`)}
          </Button>
        );
      })}
    </Group>
  );
}
