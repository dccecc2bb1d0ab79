import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { ScenarioDocument } from '@lachan/contracts';

const NAMES = ['ransomware-hospital', 'ddos-banks', 'soc-provider-intrusion'] as const;

/** The scenarios shipped with Lachan (JSON files beside this one, in both languages). */
export function scenarioTemplates(): ScenarioDocument[] {
  return NAMES.map((name) => {
    const doc: unknown = JSON.parse(readFileSync(new URL(`./templates/${name}.json`, import.meta.url), 'utf8'));
    if (!Value.Check(ScenarioDocument, doc)) throw new Error(`exercise template ${name} does not match the scenario schema`);
    return doc;
  });
}
