// Where each programme area and administration screen lives, and what opens it.
import type { ComponentType } from 'react';
import type { AreaCode, Me, Permission } from '@taama/core';
import {
  IconArrowsExchange,
  IconBuildingCommunity,
  IconChartBar,
  IconClipboardList,
  IconHistory,
  IconHomeHeart,
  IconMapPin,
  IconPlaneDeparture,
  IconSettings,
  IconShieldHeart,
  IconShieldLock,
  IconSpeakerphone,
  IconUsers,
  IconWorld,
} from '@tabler/icons-react';

type Icon = ComponentType<{ size?: number | string; 'aria-hidden'?: boolean; stroke?: number }>;

/** The programme areas that have a landing page (all but administration). */
export const PROGRAMME_AREAS = ['protection', 'returns', 'reintegration', 'awareness', 'flows', 'mobility', 'results'] as const;
export type ProgrammeArea = (typeof PROGRAMME_AREAS)[number];

export const AREA_ICONS: Record<AreaCode, Icon> = {
  protection: IconShieldHeart,
  returns: IconPlaneDeparture,
  reintegration: IconHomeHeart,
  awareness: IconSpeakerphone,
  flows: IconArrowsExchange,
  mobility: IconWorld,
  results: IconChartBar,
  admin: IconSettings,
};

/** The path of an area's first page. */
export function areaPath(area: AreaCode): string {
  return `/${area}`;
}

export type AdminSection = 'users' | 'roles' | 'sites' | 'organisations' | 'audit' | 'rssInstruments';

export const ADMIN_SECTIONS: readonly { key: AdminSection; path: string; permission: Permission; icon: Icon }[] = [
  { key: 'users', path: '/admin/users', permission: 'user.read', icon: IconUsers },
  { key: 'roles', path: '/admin/roles', permission: 'role.read', icon: IconShieldLock },
  { key: 'sites', path: '/admin/sites', permission: 'site.read', icon: IconMapPin },
  { key: 'organisations', path: '/admin/organisations', permission: 'organisation.read', icon: IconBuildingCommunity },
  { key: 'audit', path: '/admin/audit', permission: 'audit.read', icon: IconHistory },
  // The RSS instruments live with reintegration, but administrators manage them without that area.
  { key: 'rssInstruments', path: '/reintegration/instruments', permission: 'rssInstrument.manage', icon: IconClipboardList },
];

/** The administration screens this user may open, in menu order. */
export function adminSectionsFor(me: Pick<Me, 'permissions'>) {
  return ADMIN_SECTIONS.filter((section) => me.permissions.includes(section.permission));
}

/**
 * The areas the navigation shows: exactly those the server lists in `me.areas`, in the server's
 * order, without codes this version of the app does not know.
 */
export function navigableAreas(me: Pick<Me, 'areas'>): AreaCode[] {
  return me.areas.filter((area): area is AreaCode => area in AREA_ICONS);
}
