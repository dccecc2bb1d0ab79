/** `npm start`: builds the console if needed, then runs the server (API and console on one port). */
import { buildWebIfStale } from './build-web.ts';

buildWebIfStale();
await import('../apps/server/src/bin/server.ts');
