/** Severity 1–4 as the i18n key of its word (constituency.severity.*). */
export const SEVERITY_KEYS = ['low', 'low', 'medium', 'high', 'critical'] as const;

/** The i18n key of a severity 1–4. */
export const severityKey = (n: number) => `constituency.severity.${SEVERITY_KEYS[n] ?? 'low'}` as const;
