// The sub-navigation of the reintegration area: dashboard, caseload, projects, monitoring, spot
// checks and (for administrators) RSS instruments.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../app/auth';

const TABS = [
  { key: 'dashboard', path: '/reintegration', permission: 'reintegrationCase.read', exact: true },
  { key: 'caseload', path: '/reintegration/cases', permission: 'reintegrationCase.read' },
  { key: 'projects', path: '/reintegration/projects', permission: 'reintegrationCase.read' },
  { key: 'monitoring', path: '/reintegration/monitoring', permission: 'reintegrationCase.read' },
  { key: 'spotChecks', path: '/reintegration/spot-checks', permission: 'reintegrationCase.update' },
  { key: 'instruments', path: '/reintegration/instruments', permission: 'reintegrationCase.read' },
] as const;

/** Links to the area's screens this user may open; the current one is marked. */
export function ReintegrationTabs() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label={t('reintegration:tabs.label')} gap={4} mb="md" wrap="wrap">
      {TABS.filter((tab) => can(tab.permission) || (tab.key === 'instruments' && can('rssInstrument.manage'))).map((tab) => {
        const current = 'exact' in tab ? pathname === tab.path : pathname === tab.path || pathname.startsWith(`${tab.path}/`);
        return (
          <Button key={tab.key} component={Link} to={tab.path} size="sm" variant={current ? 'light' : 'subtle'} aria-current={current ? 'page' : undefined}>
            {t(`reintegration:tabs.${tab.key}`)}
          </Button>
        );
      })}
    </Group>
  );
}
