// The frame around every signed-in page: header (name, language, account), navigation by
// programme area (only the areas the user may open), and the main landmark.
import { Suspense } from 'react';
import { Anchor, AppShell, Burger, Divider, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHome } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LoadingState } from '../components/States';
import { HelpLink } from '../features/help/HelpLink';
import { useMe } from './auth';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';
import { OfflineIndicator } from '../features/offline/OfflineIndicator';
import { AREA_ICONS, adminSectionsFor, areaPath, navigableAreas } from './navigation';

/** Tells whether `path` is the current page or one of its sub-pages. */
function isWithin(current: string, path: string): boolean {
  return current === path || current.startsWith(`${path}/`);
}

/** The navigation links; exported for tests. */
export function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  const { pathname } = useLocation();
  const areas = navigableAreas(me).filter((area) => area !== 'admin');
  const adminSections = me.areas.includes('admin') ? adminSectionsFor(me) : [];
  // The administration section names are not in the first load: for an administrator the frame
  // waits (suspends) until they are there rather than showing raw keys.
  const { t } = useTranslation(adminSections.length > 0 ? ['common', 'admin'] : ['common']);

  return (
    <Stack gap={4} component="nav" aria-label={t('common:nav.label')}>
      <NavLink
        component={Link}
        to="/"
        label={t('common:home')}
        leftSection={<IconHome size={18} aria-hidden />}
        active={pathname === '/'}
        aria-current={pathname === '/' ? 'page' : undefined}
        onClick={onNavigate}
      />
      {areas.length > 0 && (
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" mt="md" mb={4} px="sm" id="nav-areas">
          {t('common:nav.areas')}
        </Text>
      )}
      <Stack gap={2} component="ul" aria-labelledby="nav-areas" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {areas.map((area) => {
          const Icon = AREA_ICONS[area];
          const path = areaPath(area);
          const active = isWithin(pathname, path);
          return (
            <li key={area}>
              <NavLink
                component={Link}
                to={path}
                label={t(`enums:area.${area}`)}
                leftSection={<Icon size={18} aria-hidden />}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={onNavigate}
              />
            </li>
          );
        })}
      </Stack>
      {adminSections.length > 0 && (
        <>
          <Divider my="sm" />
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4} px="sm" id="nav-admin">
            {t('common:nav.admin')}
          </Text>
          <Stack gap={2} component="ul" aria-labelledby="nav-admin" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {adminSections.map((section) => {
              const active = isWithin(pathname, section.path);
              const Icon = section.icon;
              return (
                <li key={section.key}>
                  <NavLink
                    component={Link}
                    to={section.path}
                    label={t(`admin:sections.${section.key}`)}
                    leftSection={<Icon size={18} aria-hidden />}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    onClick={onNavigate}
                  />
                </li>
              );
            })}
          </Stack>
        </>
      )}
    </Stack>
  );
}

/** The signed-in layout; pages render in its <main>. */
export function Shell() {
  const { t } = useTranslation();
  // On a narrow screen the menu is a drawer that closes once a page is chosen.
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <>
      <a href="#main" className="skip-link">
        {t('common:skipToContent')}
      </a>
      <AppShell header={{ height: 56 }} navbar={{ width: 264, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="lg">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={opened ? t('common:nav.closeMenu') : t('common:nav.openMenu')}
                aria-expanded={opened}
                aria-controls="app-navbar"
              />
              <Anchor component={Link} to="/" underline="never" c="var(--mantine-color-text)">
                <Text component="span" fz="xl" fw={750} c="indigo.9" style={{ letterSpacing: '0.02em' }}>
                  {t('common:appName')}
                </Text>
              </Anchor>
              <Text size="sm" c="dimmed" visibleFrom="lg" truncate>
                {t('common:tagline')}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <OfflineIndicator />
              <HelpLink />
              <LanguageSwitch />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" id="app-navbar">
          <AppShell.Section grow component={ScrollArea}>
            <Navigation onNavigate={close} />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
