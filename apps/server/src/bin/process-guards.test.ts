import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const guards = new URL('./process-guards.ts', import.meta.url).href;

/** Runs a small script in a fresh Node process, as the server's entry point runs. */
function run(script: string) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const logger = `const log = { error: (d, m) => console.log('ERROR', m, d.err?.message), fatal: (d, m) => console.log('FATAL', m, d.err?.message) };`;

describe('the server process guards', () => {
  it('log an unhandled promise rejection and keep the process running', () => {
    const r = run(`import { guardProcess } from '${guards}'; ${logger}
      guardProcess(log);
      Promise.reject(new Error('a background task failed'));
      setTimeout(() => { console.log('still alive'); process.exit(0); }, 100);`);
    expect(r.out).toContain('ERROR unhandled promise rejection: logged, the server keeps running a background task failed');
    expect(r.out).toContain('still alive');
    expect(r.code).toBe(0);
  });

  it('without them, the same rejection ends the process (Node’s default)', () => {
    const r = run(`Promise.reject(new Error('a background task failed'));
      setTimeout(() => { console.log('still alive'); process.exit(0); }, 100);`);
    expect(r.out).not.toContain('still alive');
    expect(r.code).toBe(1);
  });

  it('log an uncaught exception as fatal and let the process end', () => {
    const r = run(`import { guardProcess } from '${guards}'; ${logger}
      guardProcess(log);
      setTimeout(() => { throw new Error('thrown with nothing to catch it'); }, 10);
      setTimeout(() => { console.log('still alive'); process.exit(0); }, 200);`);
    expect(r.out).toContain('FATAL uncaught exception: the server stops thrown with nothing to catch it');
    expect(r.out).not.toContain('still alive');
    expect(r.code).not.toBe(0);
  });
});
