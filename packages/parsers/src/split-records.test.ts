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

  it('errors: empty body, broken arrays, trailing text', () => {
    expect(splitRecords('ecs', ' \n\t', undefined)).toMatchObject({ error: { code: 'empty_body' } });
    expect(splitRecords('ecs', '[{"a":1}', undefined)).toMatchObject({ error: { code: 'malformed_json' } });
    expect(splitRecords('ecs', '[{"a":1}] x', undefined)).toMatchObject({ error: { code: 'malformed_json' } });
    expect(splitRecords('ecs', '[{"a":1} {"b":2}]', undefined)).toMatchObject({ error: { code: 'malformed_json' } });
    expect(splitRecords('ecs', '[{"a":[1}]', undefined)).toMatchObject({ error: { code: 'malformed_json' } });
    expect(splitRecords('ecs', '{\n"a":1\n}\n{"b":', undefined)).toMatchObject({ error: { code: 'malformed_json' } });
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
    expect(splitRecords('cef', '["x", 1]', 'application/json')).toMatchObject({ error: { code: 'not_a_string' } });
    expect(splitRecords('cef', 'CEF:0|...', 'application/json')).toMatchObject({ error: { code: 'malformed_json' } });
  });
});
