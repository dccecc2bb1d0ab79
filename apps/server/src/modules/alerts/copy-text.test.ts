import { describe, expect, it } from 'vitest';
import { copyField, encodeCopyRows, textArrayLiteral } from './copy-text.ts';

describe('COPY text encoding', () => {
  it('escapes the characters that would break a row', () => {
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyField(null)).toBe('\\N');
    expect(copyField('Sự cố tại Đà Nẵng')).toBe('Sự cố tại Đà Nẵng');
  });
  it('writes arrays as quoted literals, escaped once more for the row', () => {
    expect(textArrayLiteral(['T1110', 'a"b', 'c\\d'])).toBe('{"T1110","a\\"b","c\\\\d"}');
    expect(copyField(['x\ty'])).toBe('{"x\\ty"}');
    expect(copyField([])).toBe('{}');
  });
  it('joins fields with tabs and rows with newlines', () => {
    expect(Buffer.from(encodeCopyRows([[1, 'a', true], [2, null, false]])).toString()).toBe('1\ta\tt\n2\t\\N\tf\n');
  });
  it('encodes batches larger than its first buffer, multi-byte text included, byte for byte', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [i, `Sự cố tại Đà Nẵng ${'x'.repeat(i % 50)}\t🛡`, null, ['a', 'b"c']] as const);
    const expected = rows.map((r) => r.map((v) => copyField(v)).join('\t') + '\n').join('');
    expect(Buffer.from(encodeCopyRows(rows)).toString('utf8')).toBe(expected);
  });
});
