import { describe, expect, it } from 'vitest';
import { SyslogFramer } from './syslog-framing.ts';

const msg1 = '<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - su root failed';
const msg2 = '<34>Oct 11 22:14:15 mymachine su: su root failed for lonvick on /dev/pts/8';

describe('syslog TCP framing (RFC 6587)', () => {
  it('reads octet-counted frames, even split across packets', () => {
    const f = new SyslogFramer();
    const wire = Buffer.from(`${Buffer.byteLength(msg1)} ${msg1}${Buffer.byteLength(msg2)} ${msg2}`);
    expect(f.push(wire.subarray(0, 20))).toEqual([]);
    expect(f.push(wire.subarray(20))).toEqual([msg1, msg2]);
  });
  it('counts octets, not characters, for UTF-8 messages', () => {
    const vi = '<14>Nov 21 10:00:00 h app: Sự cố tại Đà Nẵng';
    expect(new SyslogFramer().push(Buffer.from(`${Buffer.byteLength(vi)} ${vi}`))).toEqual([vi]);
  });
  it('reads newline-terminated frames and drops CR', () => {
    const f = new SyslogFramer();
    expect(f.push(Buffer.from(`${msg2}\r\n${msg2}\n<34>Oct`))).toEqual([msg2, msg2]);
    expect(f.push(Buffer.from(' 11 22:14:15 h x: y\n'))).toEqual(['<34>Oct 11 22:14:15 h x: y']);
    expect(f.push(Buffer.from('<34>Oct 11 tail'))).toEqual([]);
    expect(f.flush()).toEqual(['<34>Oct 11 tail']);
  });
  it('cuts an endless line at the size limit instead of buffering without bound', () => {
    const f = new SyslogFramer(100);
    expect(f.push(Buffer.from('<34>' + 'x'.repeat(200)))).toHaveLength(1);
  });
  it('holds at most the size limit of a frame announcing a huge length, and frames again after it', () => {
    const f = new SyslogFramer(100);
    const announced = 50_000_000;
    expect(f.push(Buffer.from(`${announced} <34>${'x'.repeat(146)}`))).toEqual([`<34>${'x'.repeat(96)}`]);
    for (let left = announced - 150; left > 0; left -= 1_000_000) expect(f.push(Buffer.alloc(Math.min(left, 1_000_000), 0x78))).toEqual([]);
    expect(f.push(Buffer.from(`${Buffer.byteLength(msg1)} ${msg1}`))).toEqual([msg1]);
  });
});
