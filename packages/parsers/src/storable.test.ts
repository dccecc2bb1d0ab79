import { describe, expect, it } from 'vitest';
import { parseAlert } from './parse-alert.ts';

const opts = { receivedAt: new Date('2025-06-01T00:00:00Z') };
const FAR = '9999-12-31T23:59:59-14:00';
const hasUnstorable = (v: unknown) => /\u0000|\p{Cs}/u.test(JSON.stringify(v).replace(/\\u0000/g, '\u0000').replace(/\\ud[89a-f][0-9a-f]{2}/gi, '\ud800'));

describe('what a parsed alert guarantees', () => {
  it('carries no NUL and no unpaired surrogate: they become U+FFFD in its fields, the raw record keeps them', () => {
    const records: Array<[Parameters<typeof parseAlert>[0], string]> = [
      ['lachan', JSON.stringify({ title: 'nul\u0000title', severity: 'high', description: 'a\u0000b\ud800c', tags: ['t\udc00'], asset: { hostname: 'h\u0000st' } })],
      ['ecs', JSON.stringify({ event: { kind: 'alert' }, message: 'm\u0000', rule: { name: 'r\ud83d' }, host: { name: 'web\u0000' }, user: { name: 'ad\u0000min' } })],
      ['wazuh', JSON.stringify({ rule: { level: 5, description: 'd\u0000', id: '1\ud800', groups: ['g\u0000'] }, full_log: 'x\udfff', agent: { name: 'a\u0000' } })],
      ['suricata', JSON.stringify({ event_type: 'alert', alert: { signature: 's\u0000', category: 'c\ud800', signature_id: 1 }, src_ip: '198.51.100.1', host: 'h\u0000' })],
      ['cef', 'CEF:0|V\u0000|P|1|100|N\u0000ame|5|msg=a\u0000b suser=x\u0000y'],
      ['syslog', '<13>1 2025-05-31T10:00:00Z h\u0000 app - - - message\u0000 from 198.51.100.7'],
    ];
    for (const [format, record] of records) {
      const r = parseAlert(format, record, opts);
      expect(r.ok, `${format}: ${JSON.stringify(r)}`).toBe(true);
      if (r.ok) expect(hasUnstorable(r.alert), `${format}: ${JSON.stringify(r.alert)}`).toBe(false);
    }
  });

  it('gives failure reasons that are storable too, even when they quote the record', () => {
    const r = parseAlert('ecs', JSON.stringify({ event: { kind: 'alert\u0000\ud800' } }), opts);
    expect(r).toMatchObject({ ok: false, code: 'not_an_alert' });
    if (!r.ok) expect(hasUnstorable(r.message), r.message).toBe(false);
  });

  it('never carries a time outside years 1–9999 UTC: strict formats refuse it, the others read it as absent', () => {
    expect(parseAlert('lachan', JSON.stringify({ title: 't', severity: 1, time: FAR }), opts)).toMatchObject({ ok: false, code: 'invalid_value' });
    expect(parseAlert('syslog', `<34>1 ${FAR} host app - - - hello`, opts)).toMatchObject({ ok: false, code: 'bad_syslog_header' });
    expect(parseAlert('syslog', '<34>Dec 31 9999 23:59:59 host app: hello', { ...opts, timeZone: 'America/New_York' })).toMatchObject({ ok: false, code: 'bad_syslog_header' });
    expect(parseAlert('syslog', '<34>Jan 1 0000 00:00:00 host app: hello', opts)).toMatchObject({ ok: false, code: 'bad_syslog_header' });
    for (const [format, record] of [
      ['ecs', JSON.stringify({ '@timestamp': FAR, event: { kind: 'alert' }, message: 'm' })],
      ['ecs', JSON.stringify({ '@timestamp': '0000-01-01T00:00:00Z', event: { kind: 'alert' }, message: 'm' })],
      ['wazuh', JSON.stringify({ timestamp: FAR, rule: { level: 5, description: 'd' } })],
      ['wazuh', JSON.stringify({ timestamp: 1e20, rule: { level: 5, description: 'd' } })],
      ['suricata', JSON.stringify({ timestamp: '+010000-01-01T00:00:00Z', event_type: 'alert', alert: { signature: 's' } })],
      ['cef', 'CEF:0|V|P|1|100|Name|5|rt=Dec 31 9999 23:59:59 America/New_York'],
    ] as const) {
      const r = parseAlert(format, record, opts);
      expect(r, `${format} ${record}`).toMatchObject({ ok: true, alert: { eventTime: null } });
    }
    expect(parseAlert('lachan', JSON.stringify({ title: 't', severity: 1, time: '9999-12-31T23:59:59Z' }), opts)).toMatchObject({ ok: true, alert: { eventTime: '9999-12-31T23:59:59.000Z' } });
  });
});
