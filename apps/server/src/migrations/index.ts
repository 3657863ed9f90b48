// The ordered list of migrations. Forward-only: a released migration is never edited.
import type { Migration } from 'kysely';
import * as m0001 from './0001_platform';
import * as m0002 from './0002_registry';
import * as m0003 from './0003_flows';

export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_registry': m0002,
  '0003_flows': m0003,
};
