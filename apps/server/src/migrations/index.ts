// The ordered list of migrations. Forward-only: a released migration is never edited.
import type { Migration } from 'kysely';
import * as m0001 from './0001_platform';
import * as m0002 from './0002_registry';
import * as m0003 from './0003_flows';
import * as m0004 from './0004_gin_fastupdate';
import * as m0005 from './0005_returns';
import * as m0006 from './0006_reintegration';
import * as m0007 from './0007_awareness';
import * as m0008 from './0008_results';
import * as m0009 from './0009_sync';
import * as m0010 from './0010_security';
import * as m0011 from './0011_performance';
import * as m0012 from './0012_first_services';
import * as m0013 from './0013_audit_head';

export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_registry': m0002,
  '0003_flows': m0003,
  '0004_gin_fastupdate': m0004,
  '0005_returns': m0005,
  '0006_reintegration': m0006,
  '0007_awareness': m0007,
  '0008_results': m0008,
  '0009_sync': m0009,
  '0010_security': m0010,
  '0011_performance': m0011,
  '0012_first_services': m0012,
  '0013_audit_head': m0013,
};
