// The sub-navigation of the protection area: dashboard, caseload, people, duplicates, referrals, tasks.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../app/auth';

const TABS = [
  { key: 'dashboard', path: '/protection', permission: 'transitCase.read', exact: true },
  { key: 'caseload', path: '/protection/cases', permission: 'transitCase.read' },
  { key: 'people', path: '/protection/people', permission: 'person.read' },
  { key: 'duplicates', path: '/protection/duplicates', permission: 'person.merge' },
  { key: 'referrals', path: '/protection/referrals', permission: 'referral.manage' },
  { key: 'tasks', path: '/protection/tasks', permission: 'transitCase.read' },
] as const;

/** Links to the area's screens this user may open; the current one is marked. */
export function ProtectionTabs() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { pathname } = useLocation();
  const tabs = TABS.filter((tab) => can(tab.permission));
  return (
    <Group component="nav" aria-label={t('protection:tabs.label')} gap={4} mb="md" wrap="wrap">
      {tabs.map((tab) => {
        const current = 'exact' in tab ? pathname === tab.path : pathname === tab.path || pathname.startsWith(`${tab.path}/`);
        return (
          <Button key={tab.key} component={Link} to={tab.path} size="sm" variant={current ? 'light' : 'subtle'} aria-current={current ? 'page' : undefined}>
            {t(`protection:tabs.${tab.key}`)}
          </Button>
        );
      })}
    </Group>
  );
}
