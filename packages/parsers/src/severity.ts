import type { SeverityLevel } from '@lachan/contracts';

/** Severity words shared by several sources (Elastic, Wazuh 5, CEF, Lachan) → 1 low … 4 critical. */
const WORDS: Record<string, SeverityLevel> = {
  informational: 1,
  info: 1,
  low: 1,
  medium: 2,
  moderate: 2,
  high: 3,
  critical: 4,
  'very-high': 4,
  'very high': 4,
  veryhigh: 4,
};

export function severityFromWord(s: string): SeverityLevel | null {
  return WORDS[s.trim().toLowerCase()] ?? null;
}

/** A 0–100 risk score in Elastic's bands: 0–21 low, 22–47 medium, 48–73 high, 74–100 critical. */
export function severityFromScore(score: number): SeverityLevel | null {
  if (!Number.isFinite(score) || score < 0 || score > 100) return null;
  if (score < 22) return 1;
  if (score < 48) return 2;
  if (score < 74) return 3;
  return 4;
}

/** An IDS rule priority (Suricata/Snort, 1 = most severe): 1 → high, 2 → medium, 3+ → low. */
export function severityFromPriority(priority: number): SeverityLevel | null {
  if (!Number.isInteger(priority) || priority < 1) return null;
  if (priority === 1) return 3;
  return priority === 2 ? 2 : 1;
}

/** A 0–10 scale (CEF, many vendors): 0–3 low, 4–6 medium, 7–8 high, 9–10 critical; above 10 critical. */
export function severityFromTen(n: number): SeverityLevel {
  if (n <= 3) return 1;
  if (n <= 6) return 2;
  return n <= 8 ? 3 : 4;
}
