// The first page after signing in: who you are and the areas you can open.
import { Card, SimpleGrid, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth';
import { AREA_ICONS, adminSectionsFor, areaPath, navigableAreas } from '../../app/navigation';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/States';

/** A welcome and one card per area the user may open. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const areas = navigableAreas(me);
  const firstAdmin = adminSectionsFor(me)[0];

  return (
    <>
      <PageHeader
        title={t('common:welcome.title', { name: me.displayName })}
        description={t('common:welcome.signedInAs', { username: me.username, organisation: me.site ? `${me.organisation.name} · ${me.site.name}` : me.organisation.name })}
      />
      {areas.length === 0 ? (
        <EmptyState title={t('common:welcome.noAreas')} />
      ) : (
        <Stack gap="sm">
          <Text fw={600} component="h2" fz="lg">
            {t('common:welcome.description')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {areas.map((area) => {
              const Icon = AREA_ICONS[area];
              const to = area === 'admin' ? (firstAdmin?.path ?? '/admin') : areaPath(area);
              return (
                <li key={area}>
                  <UnstyledButton component={Link} to={to} w="100%" h="100%" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
                    <Card withBorder radius="md" padding="lg" h="100%">
                      <ThemeIcon variant="light" size="lg" radius="md" mb="sm">
                        <Icon size={22} aria-hidden />
                      </ThemeIcon>
                      <Text fw={650}>{t(`enums:area.${area}`)}</Text>
                      <Text size="sm" c="dimmed" mt={4} lineClamp={3}>
                        {t(`areas:${area}.description`)}
                      </Text>
                    </Card>
                  </UnstyledButton>
                </li>
              );
            })}
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}
