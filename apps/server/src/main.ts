// Start-up only: configuration, database, HTTP server, graceful shutdown.
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './platform/db/database';
import { DataDirInUseError } from './platform/db/lock';
import { buildApp } from './platform/http/app';
import { prepareDatabase } from './setup';
import { DEMO_USERS } from '@taama/demo/platform';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let closing = false;
  const app = await buildApp({ config, database });
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: stopping`);
    const force = setTimeout(() => process.exit(1), 20_000);
    await app.close(); // finishes in-flight requests first
    await database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const report = await prepareDatabase(database, config);
  await app.listen({ port: config.port, host: config.host });
  const bound = app.server.address();
  const port = bound && typeof bound === 'object' ? bound.port : config.port;
  const address = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const lines = [
    '',
    `Taama ${config.version} is running at ${address}`,
    `  database: ${database.kind === 'pglite' ? `embedded (${config.dataDir})` : 'PostgreSQL'}`,
    `  API docs: ${address}/api/docs`,
  ];
  if (!config.webDist) lines.push('  web app: not built (run `npm run build`)');
  if (report.demoLoaded || (config.demo && !report.initialAdminPassword)) {
    lines.push(`  demo users (password "${config.demoPassword}"): ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  }
  if (report.initialAdminPassword) {
    lines.push(`  first start: sign in as "admin" with password "${report.initialAdminPassword}" (you will be asked to change it)`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(`Taama cannot start: ${error.message}`);
  } else {
    console.error('Taama failed to start:', error);
  }
  process.exit(1);
});
