/** `npm run lachan -- <command>`: administration from the shell. */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { startPlatform, stopPlatform } from '../platform.ts';
import { migrate, openDatabase, DataDirLockedError } from '../db/index.ts';
import { runCommand, USAGE } from '../cli/commands.ts';

const argv = process.argv.slice(2);
if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
  console.log(USAGE);
  process.exit(argv.length === 0 ? 1 : 0);
}
if (argv[0] === 'serve') {
  // A server process (`--roles api,ingest,workers`, default all): the same entry as `npm start`.
  await import('./server.ts');
} else try {
  const config = loadConfig();
  if (argv[0] === 'migrate') {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
    const r = await migrate(database);
    console.log(r.applied.length ? `applied: ${r.applied.join(', ')}` : 'schema is up to date', `(version ${r.current}, ${database.engine})`);
    await database.close();
  } else {
    const platform = await startPlatform(config, { announce: (line) => console.log(line) });
    let code = 0;
    try {
      code = await runCommand(platform, argv, parseArgs);
    } finally {
      await stopPlatform(platform);
    }
    process.exitCode = code;
  }
} catch (err) {
  console.error(`lachan: ${err instanceof DataDirLockedError || err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
