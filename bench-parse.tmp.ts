import { parseAlert } from '@lachan/parsers';
import { GENERATORS } from './bench/simulate/generators/index.ts';
import { Rng } from './bench/simulate/rng.ts';
import type { Format, OrgAssets } from './bench/simulate/types.ts';
const rng = new Rng(42);
const org = (i: number): OrgAssets => ({ orgId: `org-${i}`, name: `org ${i}`, kind: 'ci_operator', index: i, slug: `org${i}`, net: `10.70.${i}`, cidr: `10.70.${i}.0/24`, domain: `org${i}.example.vn`, hosts: [`web.org${i}.example.vn`, 'dc01'] });
const receivedAt = new Date();
for (const f of (process.argv[2]?.split(',') ?? ['wazuh', 'suricata', 'lachan', 'cef']) as Format[]) {
  let seq = 0;
  const recs = Array.from({ length: 20000 }, () => GENERATORS[f]({ rng, now: Date.now() - rng.int(0, 3_000_000), victim: org(seq % 50), reporter: org(0), seq: seq++ }));
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    for (const x of recs) parseAlert(f, x, { receivedAt });
    const t2 = performance.now();
    for (const x of recs) if (f !== 'cef') JSON.parse(x);
    const t3 = performance.now();
    console.log(f, 'parseAlert µs', (((t2 - t) * 1000) / recs.length).toFixed(1), 'JSON.parse µs', (((t3 - t2) * 1000) / recs.length).toFixed(1), 'len', Math.round(recs.reduce((n, x) => n + x.length, 0) / recs.length));
  }
}
