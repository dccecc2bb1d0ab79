/** Every calendar day from `from` to `to` inclusive (`YYYY-MM-DD`, UTC). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && out.length <= 10_000; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const cell = (v: string | number) => {
  const s = String(v);
  // A leading = + - @ would be read as a formula by spreadsheet programs (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** RFC 4180 CSV with a UTF-8 byte-order mark and formula-looking cells neutralised. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
