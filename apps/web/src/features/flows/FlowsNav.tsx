// The flows module's sub-navigation: one link per section the user may open.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Permission } from '@taama/core';
import { useAuth } from '../../app/auth';

/** The sections of the module, in menu order, with the permission each needs. */
export const FLOW_SECTIONS: readonly { key: string; path: string; permission: Permission }[] = [
  { key: 'dashboard', path: '/flows', permission: 'flow.read' },
  { key: 'counts', path: '/flows/counts', permission: 'flow.read' },
  { key: 'import', path: '/flows/import', permission: 'flow.manage' },
  { key: 'quality', path: '/flows/quality', permission: 'flow.read' },
  { key: 'points', path: '/flows/points', permission: 'flow.read' },
  { key: 'collections', path: '/flows/collections', permission: 'flow.read' },
  { key: 'surveys', path: '/flows/surveys', permission: 'flowSurvey.read' },
  { key: 'openData', path: '/flows/open-data', permission: 'flow.read' },
];

/** Tells whether a section is the one shown (the dashboard only at /flows itself). */
function isCurrent(pathname: string, path: string): boolean {
  if (path === '/flows') return pathname === '/flows' || pathname === '/flows/';
  return pathname === path || pathname.startsWith(`${path}/`);
}

/** The links to the flows sections. */
export function FlowsNav() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label={t('flows:nav.label')} gap={4} wrap="wrap" mb="md">
        {FLOW_SECTIONS.filter((section) => can(section.permission)).map((section) => {
          const current = isCurrent(pathname, section.path);
          return (
            <Button key={section.key} component={Link} to={section.path} size="compact-md" variant={current ? 'light' : 'subtle'} aria-current={current ? 'page' : undefined} style={{ flex: '0 0 auto' }}>
              {t(`flows:nav.${section.key}`)}
            </Button>
          );
        })}
    </Group>
  );
}
