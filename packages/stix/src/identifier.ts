/** UUID in RFC 4122 layout, version 1–5 (STIX `identifier` schema). */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const TYPE_NAME = /^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/;

/** True when `value` is `<type>--<uuid>`; with `type` given, the prefix must be that type. */
export function isIdentifier(value: unknown, type?: string): value is string {
  if (typeof value !== 'string') return false;
  const sep = value.indexOf('--');
  if (sep < 0) return false;
  const prefix = value.slice(0, sep);
  if (type !== undefined ? prefix !== type : !TYPE_NAME.test(prefix)) return false;
  return UUID.test(value.slice(sep + 2));
}

/** The type named by an identifier's prefix ('indicator' for 'indicator--…'). */
export function typeOfId(id: string): string {
  const sep = id.indexOf('--');
  return sep < 0 ? '' : id.slice(0, sep);
}

/** True for a syntactically valid STIX type name (lower-case letters, digits, hyphens, 3–250 chars). */
export function isTypeName(value: unknown): value is string {
  return typeof value === 'string' && TYPE_NAME.test(value) && !value.includes('--');
}
