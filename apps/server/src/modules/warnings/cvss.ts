// A webpack-built CommonJS bundle: Node's ESM loader sees no named exports, only the default object.
import cvssCalculator from 'ae-cvss-calculator';

const { Cvss3P0, Cvss3P1 } = cvssCalculator;
import type { Warning } from '@lachan/contracts';
import { invalid } from '../../core/errors.ts';

/** A CVSS v3 base score as CSAF writes it (cvss_v3). */
export interface CvssBase { version: '3.0' | '3.1'; vectorString: string; baseScore: number; baseSeverity: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL' }

const BASE: Record<string, string> = { AV: 'NALP', AC: 'LH', PR: 'NLH', UI: 'NR', S: 'UC', C: 'NLH', I: 'NLH', A: 'NLH' };
const OTHER: Record<string, string> = {
  E: 'XUPFH', RL: 'XOTWU', RC: 'XURC', CR: 'XLMH', IR: 'XLMH', AR: 'XLMH',
  MAV: 'XNALP', MAC: 'XLH', MPR: 'XNLH', MUI: 'XNR', MS: 'XUC', MC: 'XNLH', MI: 'XNLH', MA: 'XNLH',
};

/** Why a CVSS v3 vector cannot be scored, or null when it is complete: every base metric once, known metrics and values only. */
export function cvssVectorProblem(vector: string): string | null {
  const [head, ...parts] = vector.split('/');
  if (head !== 'CVSS:3.0' && head !== 'CVSS:3.1') return 'a CVSS vector starts with CVSS:3.0/ or CVSS:3.1/';
  const seen = new Set<string>();
  for (const part of parts) {
    const [metric, value, extra] = part.split(':');
    const allowed = BASE[metric ?? ''] ?? OTHER[metric ?? ''];
    if (!allowed || value === undefined || extra !== undefined || value.length !== 1 || !allowed.includes(value)) return `"${part}" is not a CVSS v3 metric`;
    if (seen.has(metric!)) return `${metric} is given twice`;
    seen.add(metric!);
  }
  const missing = Object.keys(BASE).filter((m) => !seen.has(m));
  return missing.length ? `the base metrics ${missing.join(', ')} are missing` : null;
}

const severityOf = (s: number): CvssBase['baseSeverity'] => (s >= 9 ? 'CRITICAL' : s >= 7 ? 'HIGH' : s >= 4 ? 'MEDIUM' : s > 0 ? 'LOW' : 'NONE');

/** The base score of a complete CVSS v3.0 or v3.1 vector, computed by the maintained calculator (FIRST's formulas). */
export function cvssBase(vector: string): CvssBase {
  const problem = cvssVectorProblem(vector);
  if (problem) throw new Error(problem);
  const v31 = vector.startsWith('CVSS:3.1/');
  const baseScore = (v31 ? new Cvss3P1(vector) : new Cvss3P0(vector)).calculateScores().base;
  if (baseScore === undefined) throw new Error(`no base score for ${vector}`);
  return { version: v31 ? '3.1' : '3.0', vectorString: vector, baseScore, baseSeverity: severityOf(baseScore) };
}

/**
 * The CVEs of a warning with their CVSS scores checked: a vector must be complete, a score given with
 * it must be the vector's base score (else 400 naming the field, BSI test 6.1.9), and a vector without
 * a score gets its computed score; a CVE named twice is refused (CSAF 6.1.23). A score without a vector stays as said (it is not exported as CVSS).
 */
export function checkedCves<T extends Warning['cves'][number]>(cves: T[] | undefined, field = 'body/cves'): T[] | undefined {
  const seen = new Set<string>();
  return cves?.map((c, i) => {
    if (seen.has(c.id)) throw invalid(`${field}/${i}/id: ${c.id} is named twice`, { field: `${field}/${i}/id` });
    seen.add(c.id);
    if (c.cvssVector === undefined) return c;
    const problem = cvssVectorProblem(c.cvssVector);
    if (problem) throw invalid(`${field}/${i}/cvssVector: ${problem}`, { field: `${field}/${i}/cvssVector` });
    const { baseScore } = cvssBase(c.cvssVector);
    if (c.cvss !== undefined && c.cvss !== baseScore) {
      throw invalid(`${field}/${i}/cvss: ${c.cvss} is not the base score of ${c.cvssVector} (${baseScore})`, { field: `${field}/${i}/cvss`, expected: baseScore });
    }
    return { ...c, cvss: baseScore };
  });
}
