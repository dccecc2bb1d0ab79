import { Value } from 'typebox/value';
import { AuditHead } from '@lachan/contracts';

/**
 * The heads in a file a supervisor kept: one exported head (`audit head`), an array of them, or the
 * checkpoint file's JSON lines. Throws naming the first entry that is not a head.
 */
export function parseHeads(text: string): AuditHead[] {
  let items: unknown[];
  try {
    const whole: unknown = JSON.parse(text);
    items = Array.isArray(whole) ? whole : [whole];
  } catch {
    items = text.split('\n').filter((l) => l.trim() !== '').map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new Error(`line ${i + 1} is not JSON`);
      }
    });
  }
  if (items.length === 0) throw new Error('no audit head found');
  items.forEach((h, i) => {
    if (!Value.Check(AuditHead, h)) throw new Error(`entry ${i + 1} is not an audit head (format ${'lachan-audit-head/1'})`);
  });
  return items as AuditHead[];
}
