import { describe, expect, it } from 'vitest';
import { parseAlert } from './parse-alert.ts';
import { splitRecords } from './split-records.ts';
import { RECEIVED_AT, sample } from './testing/samples.ts';

const records = (r: ReturnType<typeof splitRecords>) => {
  if (!('records' in r)) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.records;
};

describe('splitRecords for JSON formats', () => {
  it('one object, pretty-printed or not', () => {
    const ecs = sample('ecs/zeek-notice-sample_event.json');
    expect(records(splitRecords('ecs', ecs, 'application/json'))).toEqual([ecs.trim()]);
    expect(records(splitRecords('lachan', '{"title":"x","severity":1}', undefined))).toEqual(['{"title":"x","severity":1}']);
  });

  it('NDJSON: one object per line, CRLF and blank lines tolerated, bad lines kept for their own error', () => {
    const body = '{"a":1}\r\n\r\n  \n{"b":"x\\ny"}\n{broken\n{"c":[1,{"d":2}]}\n\n';
    expect(records(splitRecords('wazuh', body, undefined))).toEqual(['{"a":1}', '{"b":"x\\ny"}', '{broken', '{"c":[1,{"d":2}]}']);
    expect(records(splitRecords('wazuh', '{"a":\n1}', 'application/x-ndjson'))).toEqual(['{"a":', '1}']);
    const suricata = records(splitRecords('suricata', sample('suricata/test-eve-small.log'), undefined));
    expect(suricata).toHaveLength(12);
  });

  it('a JSON array: elements sliced raw, so 64-bit integers keep every digit', () => {
    const body = ' [ {"flow_id":18446744073709551557,"s":"]},\\"{["} ,\n{"x":[{"y":"}"}]} ] ';
    const out = records(splitRecords('suricata', body, 'application/json'));
    expect(out).toEqual(['{"flow_id":18446744073709551557,"s":"]},\\"{["}', '{"x":[{"y":"}"}]}']);
    expect(records(splitRecords('ecs', '[]', undefined))).toEqual([]);
    expect(records(splitRecords('ecs', '[1, "a", null]', undefined))).toEqual(['1', '"a"', 'null']);
    expect(parseAlert('ecs', '"a"', { receivedAt: RECEIVED_AT })).toMatchObject({ ok: false, code: 'not_an_object' });
  });

  it('concatenated pretty-printed objects', () => {
    const a = sample('ecs/snort-log-sample_event.json');
    const b = sample('ecs/zeek-notice-sample_event.json');
    expect(records(splitRecords('ecs', `${a}\n${b}`, undefined))).toEqual([a.trim(), b.trim()]);
  });

  it('only an empty body or an array with nothing in it is an error', () => {
    expect(splitRecords('ecs', ' \n\t', undefined)).toMatchObject({ error: { code: 'empty_body' } });
    expect(splitRecords('ecs', '[ ', undefined)).toMatchObject({ error: { code: 'malformed_json' } });
  });

  it('one broken piece of an array or of concatenated objects is a record of its own; the cut goes on after it', () => {
    const good = (n: number) => `{"title":"t${n}","severity":1}`;
    expect(records(splitRecords('ecs', `[${good(1)}`, undefined))).toEqual([good(1)]);
    expect(records(splitRecords('ecs', `[${good(1)}] x`, undefined))).toEqual([good(1), 'x']);
    expect(records(splitRecords('ecs', `[${good(1)} ${good(2)}]`, undefined))).toEqual([good(1), good(2)]);
    expect(records(splitRecords('ecs', `[${good(1)}, {"a":[1}, ${good(2)}]`, undefined))).toEqual([good(1), '{"a":[1}', good(2)]);
    expect(records(splitRecords('ecs', `[${good(1)},\n{"a":"unclosed},\n${good(2)},\n${good(3)}]`, undefined))).toEqual([good(1), '{"a":"unclosed}', good(2), good(3)]);
    expect(records(splitRecords('ecs', `[${good(1)}, {"a": tru }, ${good(2)}]`, undefined))).toEqual([good(1), '{"a": tru }', good(2)]);
    expect(records(splitRecords('ecs', `[${good(1)}, {"cut": "sho`, undefined))).toEqual([good(1), '{"cut": "sho']);
    expect(records(splitRecords('ecs', '{\n"a":1\n}\n{"b":', undefined))).toEqual(['{\n"a":1\n}', '{"b":']);
    expect(records(splitRecords('ecs', '{\n"a":1\n}\n{"b":[}\n{\n"c":2\n}', undefined))).toEqual(['{\n"a":1\n}', '{"b":[}', '{\n"c":2\n}']);
  });

  it('recovers in linear time however many commas and braces a broken element holds', () => {
    const body = `[{"a":"${',{'.repeat(200_000)}`;
    const began = performance.now();
    expect(records(splitRecords('ecs', body, undefined))).toHaveLength(1);
    expect(performance.now() - began).toBeLessThan(2000);
  });
});

describe('splitRecords for cef and syslog', () => {
  it('text lines: CRLF, trailing blank lines, trailing spaces kept', () => {
    const ngfw = records(splitRecords('cef', sample('cef/test-fp-ngfw-smc.log'), 'text/plain'));
    expect(ngfw).toHaveLength(10);
    const cef = records(splitRecords('cef', sample('cef/test-cef.log'), undefined));
    expect(cef[3]!.endsWith('192.168.3.4     ')).toBe(true);
    expect(records(splitRecords('syslog', '<13>Oct 11 22:14:15 h a: one\r\n<13>Oct 11 22:14:15 h a: two\r\n\r\n', undefined))).toEqual(['<13>Oct 11 22:14:15 h a: one', '<13>Oct 11 22:14:15 h a: two']);
  });

  it('a JSON array of strings', () => {
    expect(records(splitRecords('syslog', '["<13>Oct 11 22:14:15 h a: one", "", "CEF:0|a|b|c|d|e|1|"]', undefined))).toEqual(['<13>Oct 11 22:14:15 h a: one', 'CEF:0|a|b|c|d|e|1|']);
    expect(records(splitRecords('cef', '["x", 1]', 'application/json'))).toEqual(['x', '1']);
    expect(records(splitRecords('cef', '["CEF:0|a|b|c|d|e|1|", "unclosed, "CEF:0|f|g|h|i|j|2|"]', 'application/json'))).toEqual(['CEF:0|a|b|c|d|e|1|', 'unclosed, ', 'CEF:0|f|g|h|i|j|2|"]']);
    expect(records(splitRecords('cef', 'CEF:0|a|b|c|d|e|1|\nCEF:0|f|g|h|i|j|2|', 'application/json'))).toEqual(['CEF:0|a|b|c|d|e|1|', 'CEF:0|f|g|h|i|j|2|']);
  });
});
