/**
 * Entry point: `npm start` runs this, the API and the console on one port, with every worker.
 * `lachan serve --roles api,ingest,workers` (or LACHAN_ROLES) runs only some of it: a node of a cluster.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase, DataDirLockedError } from '../db/index.ts';
import { guardProcess } from './process-guards.ts';

const started = performance.now();
try {
  const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== 'serve'), options: { roles: { type: 'string' } }, strict: false });
  const roles = typeof values.roles === 'string' ? values.roles : undefined;
  const config = loadConfig(roles === undefined ? process.env : { ...process.env, LACHAN_ROLES: roles });
  // The database opens in its worker thread while this thread loads the HTTP application.
  const opening = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
  opening.catch(() => {});
  const [{ startPlatform, stopPlatform }, { buildApp }] = await Promise.all([import('../platform.ts'), import('../http/app.ts')]);
  const platform = await startPlatform(config, { database: await opening, announce: (line) => console.log(`\n  ${line}\n`) });
  const app = await buildApp(platform);
  guardProcess(app.log);
  await app.listen({ port: config.port, host: config.host });
  const rssMb = Math.round(process.memoryUsage().rss / 1048576);
  app.log.info({ engine: platform.database.engine, roles: config.roles, node: config.nodeName, startupMs: Math.round(performance.now() - started), rssMb }, `Lachan ready on http://localhost:${config.port}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await stopPlatform(platform);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`lachan: ${err.message}`);
    process.exit(1);
  }
  if (err instanceof DataDirLockedError) {
    console.error(`lachan: ${err.message}`);
    process.exit(2);
  }
  console.error('lachan: failed to start:', err);
  process.exit(1);
}
