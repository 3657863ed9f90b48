// A module's sub-navigation: one link per section the user may open (shared by awareness and mobility).
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Permission } from '@taama/core';
import { useAuth } from '../../app/auth';

interface SectionNavProps {
  /** The namespace holding `nav.label` and `nav.<key>`. */
  ns: string;
  /** The module's own path (its dashboard): current only there. */
  root: string;
  sections: readonly { key: string; path: string; permission: Permission }[];
}

/** Tells whether a section is the one shown. */
function isCurrent(pathname: string, path: string, root: string): boolean {
  if (path === root) return pathname === root || pathname === `${root}/`;
  return pathname === path || pathname.startsWith(`${path}/`);
}

/** The links to a module's sections. */
export function SectionNav({ ns, root, sections }: SectionNavProps) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label={t(`${ns}:nav.label`)} gap={4} wrap="wrap" mb="md">
      {sections
        .filter((section) => can(section.permission))
        .map((section) => {
          const current = isCurrent(pathname, section.path, root);
          return (
            <Button key={section.key} component={Link} to={section.path} size="compact-md" variant={current ? 'light' : 'subtle'} aria-current={current ? 'page' : undefined}>
              {t(`${ns}:nav.${section.key}`)}
            </Button>
          );
        })}
    </Group>
  );
}
