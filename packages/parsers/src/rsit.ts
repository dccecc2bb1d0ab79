/**
 * ENISA Reference Security Incident Taxonomy, version 1003 (vietnam.md §10): 11 classes, 39 types,
 * British spelling; plus the aliases met on input (IntelMQ, older MISP taxonomies).
 */

export const RSIT_TAXONOMY = {
  'abusive-content': ['spam', 'harmful-speech', 'violence'],
  'malicious-code': ['infected-system', 'c2-server', 'malware-distribution', 'malware-configuration'],
  'information-gathering': ['scanner', 'sniffing', 'social-engineering'],
  'intrusion-attempts': ['ids-alert', 'brute-force', 'exploit'],
  intrusions: ['privileged-account-compromise', 'unprivileged-account-compromise', 'application-compromise', 'system-compromise', 'burglary'],
  availability: ['dos', 'ddos', 'misconfiguration', 'sabotage', 'outage'],
  'information-content-security': ['unauthorised-information-access', 'unauthorised-information-modification', 'data-loss', 'data-leak'],
  fraud: ['unauthorised-use-of-resources', 'copyright', 'masquerade', 'phishing'],
  vulnerable: ['weak-crypto', 'ddos-amplifier', 'potentially-unwanted-accessible', 'information-disclosure', 'vulnerable-system'],
  other: ['other', 'undetermined'],
  test: ['test'],
} as const;

export type RsitClass = keyof typeof RSIT_TAXONOMY;
export const RSIT_CLASSES = Object.keys(RSIT_TAXONOMY) as RsitClass[];

/** A classification as stored on an alert; both null when unknown. */
export interface Rsit {
  rsitClass: string | null;
  rsitType: string | null;
}

const CLASS_OF_TYPE = new Map<string, RsitClass>();
for (const c of RSIT_CLASSES) for (const t of RSIT_TAXONOMY[c]) CLASS_OF_TYPE.set(t, c);

/** Type aliases (keys already lower-cased, whitespace collapsed) → v1003 type. */
const TYPE_ALIASES: Record<string, string> = {
  'unauthorized-use-of-resources': 'unauthorised-use-of-resources',
  'unauthorized-information-access': 'unauthorised-information-access',
  'unauthorized-information-modification': 'unauthorised-information-modification',
  'botnet drone': 'infected-system',
  'botnet-drone': 'infected-system',
  ransomware: 'infected-system',
  backdoor: 'infected-system',
  'c&c': 'c2-server',
  c2: 'c2-server',
  leak: 'data-leak',
  'vulnerable client': 'vulnerable-system',
  'vulnerable service': 'vulnerable-system',
  'vulnerable-client': 'vulnerable-system',
  'vulnerable-service': 'vulnerable-system',
  unknown: 'undetermined',
  compromised: 'system-compromise',
  defacement: 'unauthorised-information-modification',
  'exploit-kit': 'exploit',
  uncategorised: 'other',
  uncategorized: 'other',
};

/** Class aliases → v1003 class. */
const CLASS_ALIASES: Record<string, RsitClass> = {
  'abusive content': 'abusive-content',
  'malicious code': 'malicious-code',
  malware: 'malicious-code',
  'information gathering': 'information-gathering',
  'intrusion attempts': 'intrusion-attempts',
  'information content security': 'information-content-security',
  'information security': 'information-content-security',
  'information-security': 'information-content-security',
  vulnerability: 'vulnerable',
};

function key(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const k = s.trim().toLowerCase().replace(/\s+/g, ' ');
  return k === '' ? null : k;
}

function toType(s: string | null | undefined): string | null {
  const k = key(s);
  if (k === null) return null;
  if (CLASS_OF_TYPE.has(k)) return k;
  const alias = TYPE_ALIASES[k];
  if (alias !== undefined) return alias;
  const dashed = k.replace(/[ _]+/g, '-');
  return CLASS_OF_TYPE.has(dashed) ? dashed : (TYPE_ALIASES[dashed] ?? null);
}

function toClass(s: string | null | undefined): RsitClass | null {
  const k = key(s);
  if (k === null) return null;
  if (Object.hasOwn(RSIT_TAXONOMY, k)) return k as RsitClass;
  const alias = CLASS_ALIASES[k];
  if (alias !== undefined) return alias;
  const dashed = k.replace(/[ _]+/g, '-');
  return Object.hasOwn(RSIT_TAXONOMY, dashed) ? (dashed as RsitClass) : null;
}

/**
 * Valid v1003 values or nulls. A recognised type decides the class (types are unique across classes);
 * a recognised class with an unknown or missing type keeps the class with a null type; a class slot
 * holding a type name (`phishing`) is read as that type.
 */
export function normaliseRsit(cls?: string | null, type?: string | null): Rsit {
  const t = toType(type) ?? (toClass(cls) === null ? toType(cls) : null);
  if (t !== null) return { rsitClass: CLASS_OF_TYPE.get(t)!, rsitType: t };
  return { rsitClass: toClass(cls), rsitType: null };
}

/** True when `cls`/`type` are exactly a v1003 class and one of its types. */
export function isRsitPair(cls: string, type: string): boolean {
  return CLASS_OF_TYPE.get(type) === cls;
}
