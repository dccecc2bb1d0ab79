import { concentrationOf, type Population, type Reason, type Sighting, type Verdict } from './noise-model.ts';

/** A campaign's confidence and the evidence it stands on, as codes with parameters (the console words them). */
export interface Explanation {
  level: 'low' | 'medium' | 'high';
  /** Shared techniques (seen by at least two members). */
  techniques: string[];
  factors: Reason[];
}

const family = (key: string) => key.slice(0, key.indexOf(':'));

/**
 * Confidence from evidence: more organisations, several independent kinds of shared evidence,
 * victims concentrated beyond chance and shared techniques raise it; evidence that has aged (decay
 * with the configured half-life) lowers it.
 */
export function explain(values: readonly string[], orgs: ReadonlyMap<string, Sighting>, verdictOf: (v: string) => Verdict | undefined, pop: Population, now: number, halfLifeMs: number): Explanation {
  const n = orgs.size;
  const kinds = [...new Set(values.map(family))].sort();
  const count = new Map<string, number>();
  for (const s of orgs.values()) for (const t of s.techniques) count.set(t, (count.get(t) ?? 0) + 1);
  const techniques = [...count].filter(([, c]) => c >= 2).map(([t]) => t).sort();
  const widest = Math.max(0, ...values.map((v) => verdictOf(v)?.orgs.length ?? 0));
  const conc = concentrationOf([...orgs.keys()], pop);
  const last = Math.max(...[...orgs.values()].map((s) => s.last));
  const first = Math.min(...[...orgs.values()].map((s) => s.first));
  const weight = 0.5 ** (Math.max(0, now - last) / halfLifeMs);
  const factors: Reason[] = [{ code: 'organisations', params: { count: n } }, { code: 'evidence', params: { kinds: kinds.join(', '), values: values.length, widest } }];
  let points = (n >= 3 ? 1 : 0) + (n >= 5 ? 1 : 0) + (kinds.length >= 2 ? 1 : 0);
  if (conc && conc.p <= 1e-3 && n >= 3) {
    points++;
    factors.push({ code: 'concentrated', params: { category: conc.category, hits: conc.hits, base: conc.base, p: Number(conc.p.toPrecision(2)) } });
  }
  const common = techniques.filter((t) => count.get(t)! * 2 >= n);
  if (common.length) {
    points++;
    factors.push({ code: 'techniques', params: { techniques: common.join(', ') } });
  }
  factors.push({ code: 'span', params: { days: Math.round(((last - first) / 86_400_000) * 10) / 10 } });
  if (weight < 0.25) {
    points--;
    factors.push({ code: 'aged', params: { days: Math.round((now - last) / 86_400_000) } });
  }
  const level = points >= 4 ? 'high' : points >= 1 && n >= 2 ? 'medium' : 'low';
  return { level: n === 2 && kinds.length < 2 ? 'low' : level, techniques, factors };
}
