// Test-only helper: reads the public STIX samples under fixtures/public (never copied into the package).
// eslint-disable-next-line no-restricted-imports -- tests read the public samples under fixtures/public
import { readdirSync, readFileSync } from 'node:fs';
import type { StixObject } from '../types.ts';

/** fixtures/public/stix: public sample files kept in the repository (sources and licences in its README). */
export const STIX_DIR = new URL('../../../../fixtures/public/stix/', import.meta.url);

/** Parsed JSON of a file under the STIX sample directory. */
export function stixJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, STIX_DIR), 'utf8'));
}

/** Every object of the OASIS example files (bundles, arrays or single objects), labelled by file. */
export function exampleObjects(): Array<{ file: string; object: StixObject }> {
  const files = ['examples/sco-examples-bundle.json', 'examples/validator/identity.json', 'examples/validator/tlp-amber.json'];
  for (const dir of ['examples/oasis/', 'examples/oasis/threat-reports/']) {
    for (const f of readdirSync(new URL(dir, STIX_DIR))) if (f.endsWith('.json')) files.push(dir + f);
  }
  const out: Array<{ file: string; object: StixObject }> = [];
  for (const file of files) {
    const json = stixJson(file) as StixObject[] | { objects?: StixObject[] };
    const objects = Array.isArray(json) ? json : (json.objects ?? [json as StixObject]);
    for (const object of objects) out.push({ file, object });
  }
  return out;
}
