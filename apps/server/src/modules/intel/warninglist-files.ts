import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_RANGES, RESERVED_RANGES, Warninglists, type MispWarninglist } from './warninglists.ts';

const loaded = new Map<string, Warninglists>();

/**
 * Every MISP warninglist file (`*.json` holding `name` and `list`,
 * e.g. a copy of misp-warninglists' `lists/`) under `dir`, then the built-in reserved ranges; read once
 * per directory and shared. `forExport` adds the documentation and benchmarking ranges, which are matched
 * and linked (the demo network and the simulator use them) but never leave the product.
 * Files that are not warninglists (the schema) or cannot be parsed are skipped.
 */
export function warninglistsFrom(dir: string | null, forExport = false): Warninglists {
  const key = `${forExport ? 'export' : 'match'}:${dir ?? ''}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const w = new Warninglists();
  if (dir !== null) {
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort()) {
      try {
        const list = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Partial<MispWarninglist>;
        if (typeof list.name === 'string' && Array.isArray(list.list)) w.add(list as MispWarninglist);
      } catch {
        // Not JSON: not a warninglist.
      }
    }
  }
  // Last, so a value on a named list is reported under that list's name.
  w.add(RESERVED_RANGES);
  if (forExport) w.add(EXAMPLE_RANGES);
  loaded.set(key, w);
  return w;
}
