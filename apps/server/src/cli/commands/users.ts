// `taama users …`: account administration from the command line (first administrator, locked-out
// administrators, scripted set-up). Each change and its audit entry commit in one transaction.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { newId, passwordProblem } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { hashPassword } from '../../platform/auth/password';
import { revokeUserSessions } from '../../platform/auth/sessions';
import { CommandFailed, EXIT_OK, expectPositionals, HELP_OPTION, INVOCATION, parseCommand, textTable, UsageError, type CommandRun, type Io } from '../args';
import { withDatabase } from '../runtime';

/** The audit actor of every change made through the CLI. */
export const CLI_ACTOR: AuditActor = { userId: null, username: 'cli', requestId: null, ip: null };

/** The environment variable a new password may come from (keeps it out of the process list). */
export const NEW_PASSWORD_ENV = 'TAAMA_NEW_PASSWORD';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,49}$/;

const HELP = `Usage: ${INVOCATION} users <subcommand> [options]

Subcommands:
  create <username> --role <code>[,<code>…] --organisation <code> [--site <code>]
         [--region <pcode>] [--name "Display name"] [--email <address>] [--locale fr|en]
         [--password <password>]
      Creates an account. The password comes from --password, else from ${NEW_PASSWORD_ENV}, else
      one is generated and printed once. The user must change it at first sign-in.
  reset-password <username> [--password <password>]
      Sets a new password (same sources as create), closes the user's sessions and makes them
      change it at next sign-in.
  disable <username>     Disables the account and closes its sessions.
  enable <username>      Re-enables the account and clears a sign-in lockout.
  list [--json]          Lists every account with its roles and status.

Every change is written to the audit log (actor "cli") in the same transaction.
Prefer ${NEW_PASSWORD_ENV} or a generated password to --password: command lines are visible to
other users of the machine and kept in shell history.`;

const CREATE_OPTIONS = {
  ...HELP_OPTION,
  role: { type: 'string', multiple: true },
  organisation: { type: 'string' },
  site: { type: 'string' },
  region: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  locale: { type: 'string' },
  password: { type: 'string' },
} as const;

const PASSWORD_OPTIONS = { ...HELP_OPTION, password: { type: 'string' } } as const;
const LIST_OPTIONS = { ...HELP_OPTION, json: { type: 'boolean' } } as const;

function checkUsername(username: string): string {
  if (!USERNAME.test(username)) {
    throw new UsageError(`invalid username "${username}": 3 to 50 characters, lowercase letters, digits, ".", "_" or "-", starting with a letter or digit`);
  }
  return username;
}

/** A password that meets the policy and is easy to copy (base64url, 120 bits). */
function generatePassword(username: string): string {
  for (;;) {
    const candidate = randomBytes(15).toString('base64url');
    if (!passwordProblem(candidate, username)) return candidate;
  }
}

/** The password from --password, the environment or a fresh one; refuses one that breaks the policy. */
function choosePassword(io: Io, given: string | undefined, username: string): { password: string; generated: boolean } {
  const password = given ?? (io.env[NEW_PASSWORD_ENV] || undefined);
  if (password === undefined) return { password: generatePassword(username), generated: true };
  const problem = passwordProblem(password, username);
  if (problem) throw new CommandFailed(`The password ${problem}.`);
  return { password, generated: false };
}

interface LockedUser {
  id: string;
  username: string;
  disabledAt: Date | null;
  lockedUntil: Date | null;
  failedLoginCount: number;
}

/** Reads and locks one account by username, or fails naming it. */
async function lockByUsername(tx: Tx, username: string): Promise<LockedUser> {
  const row = await tx
    .selectFrom('users')
    .select(['id', 'username', 'disabledAt', 'lockedUntil', 'failedLoginCount'])
    .where('username', '=', username)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new CommandFailed(`There is no user "${username}".`);
  return row;
}

async function create(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(args, CREATE_OPTIONS);
  if (values.help) return help(io);
  const [rawUsername = ''] = expectPositionals(positionals, ['username']);
  const username = checkUsername(rawUsername);
  const roles = [...new Set((values.role ?? []).flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean))];
  if (roles.length === 0) throw new UsageError('missing --role <code> (one or more, comma-separated)');
  if (!values.organisation) throw new UsageError('missing --organisation <code>');
  if (values.locale !== undefined && values.locale !== 'fr' && values.locale !== 'en') throw new UsageError('--locale must be fr or en');
  const { password, generated } = choosePassword(io, values.password, username);
  const passwordHash = await hashPassword(password);
  return withDatabase(io, async (handle) => {
    const id = await inTransaction(handle.db, async (tx) => {
      const problems: string[] = [];
      if (await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) {
        throw new CommandFailed(`A user "${username}" already exists.`);
      }
      const organisation = await tx.selectFrom('organisations').select('id').where('code', '=', values.organisation ?? '').executeTakeFirst();
      if (!organisation) problems.push(`unknown organisation "${values.organisation}"`);
      const site = values.site ? await tx.selectFrom('sites').select('id').where('code', '=', values.site).executeTakeFirst() : undefined;
      if (values.site && !site) problems.push(`unknown site "${values.site}"`);
      if (values.region && !(await tx.selectFrom('adminUnits').select('pcode').where('pcode', '=', values.region).executeTakeFirst())) {
        problems.push(`unknown region P-code "${values.region}"`);
      }
      const roleRows = await tx.selectFrom('roles').select(['id', 'code']).where('code', 'in', roles).execute();
      const unknown = roles.filter((code) => !roleRows.some((r) => r.code === code));
      if (unknown.length > 0) problems.push(`unknown role(s) ${unknown.map((c) => `"${c}"`).join(', ')}`);
      if (problems.length > 0 || !organisation) throw new CommandFailed(`Cannot create "${username}": ${problems.join('; ')}.`);
      const userId = newId();
      await tx
        .insertInto('users')
        .values({
          id: userId,
          username,
          displayName: values.name?.trim() || username,
          email: values.email ?? null,
          locale: values.locale ?? 'fr',
          passwordHash,
          organisationId: organisation.id,
          siteId: site?.id ?? null,
          regionPcode: values.region ?? null,
          mustChangePassword: true,
          createdBy: null,
          updatedBy: null,
        })
        .execute();
      await tx.insertInto('userRoles').values(roleRows.map((r) => ({ userId, roleId: r.id }))).execute();
      await appendAudit(tx, CLI_ACTOR, { action: 'user.create', entityType: 'user', entityId: userId, details: { username, roles: [...roles].sort() } });
      return userId;
    });
    io.out(`Created user "${username}" (${id}) with role(s) ${roles.join(', ')} in organisation ${values.organisation}.`);
    announcePassword(io, password, generated);
    return EXIT_OK;
  });
}

function announcePassword(io: Io, password: string, generated: boolean): void {
  if (generated) io.out(`Password (shown only now; it must be changed at first sign-in): ${password}`);
  else io.out('The password must be changed at first sign-in.');
}

async function resetPassword(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(args, PASSWORD_OPTIONS);
  if (values.help) return help(io);
  const [username = ''] = expectPositionals(positionals, ['username']);
  const { password, generated } = choosePassword(io, values.password, username);
  const passwordHash = await hashPassword(password);
  return withDatabase(io, async (handle) => {
    await inTransaction(handle.db, async (tx) => {
      const user = await lockByUsername(tx, username);
      const now = new Date();
      await tx
        .updateTable('users')
        .set({ passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, passwordChangedAt: now, updatedAt: now, updatedBy: null, version: sql`version + 1` })
        .where('id', '=', user.id)
        .execute();
      await revokeUserSessions(tx, user.id);
      await appendAudit(tx, CLI_ACTOR, { action: 'user.password_reset', entityType: 'user', entityId: user.id });
    });
    io.out(`Password of "${username}" reset; their sessions are closed.`);
    announcePassword(io, password, generated);
    return EXIT_OK;
  });
}

async function setDisabled(args: string[], io: Io, disabled: boolean): Promise<number> {
  const { values, positionals } = parseCommand(args, HELP_OPTION);
  if (values.help) return help(io);
  const [username = ''] = expectPositionals(positionals, ['username']);
  return withDatabase(io, async (handle) => {
    const changed = await inTransaction(handle.db, async (tx) => {
      const user = await lockByUsername(tx, username);
      const locked = user.lockedUntil !== null || user.failedLoginCount > 0;
      // Nothing to do: no write, no audit entry (re-disabling would only move disabled_at).
      if (disabled ? user.disabledAt !== null : user.disabledAt === null && !locked) return false;
      const now = new Date();
      await tx
        .updateTable('users')
        .set({ disabledAt: disabled ? now : null, failedLoginCount: 0, lockedUntil: null, updatedAt: now, updatedBy: null, version: sql`version + 1` })
        .where('id', '=', user.id)
        .execute();
      if (disabled) await revokeUserSessions(tx, user.id);
      await appendAudit(tx, CLI_ACTOR, { action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: user.id });
      return true;
    });
    if (!changed) io.out(`"${username}" is already ${disabled ? 'disabled' : 'enabled'}; nothing changed.`);
    else io.out(disabled ? `Disabled "${username}"; their sessions are closed.` : `Enabled "${username}".`);
    return EXIT_OK;
  });
}

/** Every account with its organisation, site, roles and status, ordered by username. */
export async function listAccounts(db: Db) {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisationId')
    .leftJoin('sites as s', 's.id', 'u.siteId')
    .select([
      'u.username',
      'u.displayName',
      'o.code as organisation',
      's.code as site',
      'u.regionPcode as region',
      'u.disabledAt',
      'u.lockedUntil',
      'u.mustChangePassword',
      'u.lastLoginAt',
    ])
    .select((eb) =>
      eb.fn
        .coalesce(
          eb.selectFrom('userRoles as ur').innerJoin('roles as r', 'r.id', 'ur.roleId').whereRef('ur.userId', '=', 'u.id').select(sql<string[]>`array_agg(r.code order by r.code)`.as('codes')),
          sql<string[]>`'{}'::text[]`,
        )
        .as('roles'),
    )
    .orderBy('u.username')
    .execute();
  const now = Date.now();
  return rows.map((r) => ({
    username: r.username,
    displayName: r.displayName,
    organisation: r.organisation,
    site: r.site,
    region: r.region,
    roles: r.roles,
    status: r.disabledAt ? 'disabled' : r.lockedUntil && new Date(r.lockedUntil).getTime() > now ? 'locked' : 'active',
    mustChangePassword: r.mustChangePassword,
    lastLoginAt: r.lastLoginAt ? new Date(r.lastLoginAt).toISOString() : null,
  }));
}

async function list(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(args, LIST_OPTIONS);
  if (values.help) return help(io);
  expectPositionals(positionals, []);
  return withDatabase(io, async (handle) => {
    const accounts = await listAccounts(handle.db);
    if (values.json) {
      io.out(JSON.stringify(accounts, null, 2));
      return EXIT_OK;
    }
    io.out(
      textTable(
        ['USERNAME', 'NAME', 'ORGANISATION', 'SITE', 'REGION', 'ROLES', 'STATUS', 'LAST SIGN-IN'],
        accounts.map((a) => [
          a.username,
          a.displayName,
          a.organisation,
          a.site ?? '-',
          a.region ?? '-',
          a.roles.join(',') || '-',
          a.status + (a.mustChangePassword ? ' (must change password)' : ''),
          a.lastLoginAt?.slice(0, 16).replace('T', ' ') ?? 'never',
        ]),
      ),
    );
    io.out(`${accounts.length} account(s)`);
    return EXIT_OK;
  });
}

function help(io: Io): number {
  io.out(HELP);
  return EXIT_OK;
}

export const runUsers: CommandRun = async (args, io) => {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'create':
      return create(rest, io);
    case 'reset-password':
      return resetPassword(rest, io);
    case 'disable':
      return setDisabled(rest, io, true);
    case 'enable':
      return setDisabled(rest, io, false);
    case 'list':
      return list(rest, io);
    case '--help':
    case '-h':
      return help(io);
    case undefined:
      throw new UsageError('missing subcommand: create, reset-password, disable, enable or list');
    default:
      throw new UsageError(`unknown subcommand "${sub}": use create, reset-password, disable, enable or list`);
  }
};
