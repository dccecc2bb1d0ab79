/**
 * The console shows every time in Vietnam (UTC+7, no daylight saving), so a `datetime-local` field is
 * read and written in Vietnam time too, whatever the browser's zone.
 */
const OFFSET = '+07:00';
const OFFSET_MS = 7 * 3_600_000;

/** "2026-11-21T14:30" typed in Vietnam time → ISO instant; null when empty or invalid. */
export function vnLocalToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const d = new Date(`${value}:00${OFFSET}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** ISO instant → "2026-11-21T14:30" in Vietnam time, for a `datetime-local` field. */
export function isoToVnLocal(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}
