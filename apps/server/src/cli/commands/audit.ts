// `taama audit verify`: walks the hash-chained audit log and reports the first broken entry.
import { verifyAuditChain } from '../../platform/audit/audit';
import { EXIT_FAILURE, EXIT_OK, expectPositionals, HELP_OPTION, INVOCATION, parseCommand, UsageError, type CommandRun } from '../args';
import { withDatabase } from '../runtime';

const HELP = `Usage: ${INVOCATION} audit verify

Recomputes the hash of every audit entry in order and checks each link to the previous one.
Prints "ok: N entries" and the head of the chain (exit 0), or the first broken entry and why
(exit 1): an edited entry no longer matches its hash, a removed or re-ordered one breaks the link
of the entry after it. Keep the printed head somewhere else (e.g. in periodic reports) to detect
the removal of the newest entries too.`;

export const runAudit: CommandRun = async (args, io) => {
  const { values, positionals } = parseCommand(args, HELP_OPTION);
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const [sub] = positionals;
  if (sub === undefined) throw new UsageError('missing subcommand: verify');
  if (sub !== 'verify') throw new UsageError(`unknown subcommand "${sub}": use verify`);
  expectPositionals(positionals.slice(1), []);
  return withDatabase(io, async (handle) => {
    // One snapshot, so the head printed is the one verified even while a server appends entries.
    const { result, head } = await handle.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => ({
        result: await verifyAuditChain(tx),
        head: await tx.selectFrom('auditLog').select(['seq', 'hash', 'at']).orderBy('seq', 'desc').limit(1).executeTakeFirst(),
      }));
    if (!result.ok) {
      io.out(`broken: entry ${result.firstBrokenEntry}: ${result.reason} (${result.entries} entries before it verified)`);
      return EXIT_FAILURE;
    }
    io.out(`ok: ${result.entries} entries`);
    if (head) io.out(`head: entry ${head.seq} at ${new Date(head.at).toISOString()}, hash ${head.hash}`);
    return EXIT_OK;
  });
};
