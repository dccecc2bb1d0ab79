// Test-only helper: reads the public sample files under fixtures/public (never copied into the package).
// The package source is pure; only tests read files, hence the one exception to the no-I/O rule.
// eslint-disable-next-line no-restricted-imports -- tests read the public samples under fixtures/public
import { existsSync, readFileSync } from 'node:fs';

/** fixtures/public/alerts: public sample files kept in the repository (sources and licences in its README). */
export const ALERTS_DIR = new URL('../../../../fixtures/public/alerts/', import.meta.url);

/** A sample file's text, e.g. `sample('suricata/test-eve-small.log')`. */
export function sample(path: string): string {
  return readFileSync(new URL(path, ALERTS_DIR), 'utf8');
}

export function sampleExists(path: string): boolean {
  return existsSync(new URL(path, ALERTS_DIR));
}

/** The non-empty lines of a sample file. */
export function sampleLines(path: string): string[] {
  return sample(path)
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '');
}

/**
 * The `metadata.alert_sample` strings of a Wazuh integratord YAML test-case file. They are single-quoted
 * YAML scalars folded over several lines: a line break plus indentation folds to one space, `''` is a
 * quote; nothing else is escaped in single-quoted YAML.
 */
export function wazuhAlertSamples(path: string): Array<{ name: string; alert: string }> {
  const text = sample(path);
  const out: Array<{ name: string; alert: string }> = [];
  const re = /- name: (\S+)[\s\S]*?alert_sample: '((?:[^']|'')*)'/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ name: m[1]!, alert: m[2]!.replace(/[ \t]*\r?\n[ \t]*/g, ' ').replace(/''/g, "'") });
  }
  return out;
}

/** A fixed reception time for deterministic tests. */
export const RECEIVED_AT = new Date('2025-06-01T00:00:00Z');

/** fixtures/public/constituency: constituency report samples (Shadowserver, abuse.ch, a provider's CSV). */
export const CONSTITUENCY_DIR = new URL('../../../../fixtures/public/constituency/', import.meta.url);

/** A constituency report sample's text, e.g. `constituencySample('feodo-ipblocklist.csv')`. */
export function constituencySample(name: string): string {
  return readFileSync(new URL(name, CONSTITUENCY_DIR), 'utf8');
}
