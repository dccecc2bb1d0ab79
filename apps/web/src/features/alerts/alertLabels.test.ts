import { describe, expect, it } from 'vitest';
import { alertIdOf } from './alertLabels.ts';
import { prettyJson } from './RawRecordCard.tsx';

describe('alert helpers', () => {
  it('builds the public id from a stream event', () => {
    expect(alertIdOf('2026-11-21', 4711)).toBe('20261121-4711');
  });

  it('pretty-prints JSON records and leaves syslog and CEF lines alone', () => {
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('CEF:0|Elastic|Vaporware|1.0|18|Authentication|low|src=1.2.3.4')).toBeNull();
    expect(prettyJson('{not json')).toBeNull();
  });
});
