/**
 * bench:campaigns — campaign detection scored strictly on a labelled generator harder than the
 * simulator's injection (bench/campaigns/generator.ts). The records go through the server's own path:
 * `@lachan/parsers`, then the campaign engine's per-batch planning (`planRound`: features, noise model,
 * clusters, merges and retractions). A detection is a hit only if its organisations overlap a true
 * campaign's with Jaccard >= 0.5 and no earlier detection took it; fragments and scanner campaigns are
 * false positives. 3 seeds x 2 sizes; ends with `bench:campaigns f1=<worst run> target>=0.95 ok|miss`.
 * Options: --seeds 1,2,3 --sizes 60,200 --batch 500
 */
import { parseArgs } from 'node:util';
import { generate } from './campaigns/generator.ts';
import { activeCampaigns, replay } from './campaigns/replay.ts';
import { scoreStrict } from './campaigns/score.ts';

const { values: opt } = parseArgs({ options: { seeds: { type: 'string', default: '1,2,3' }, sizes: { type: 'string', default: '60,200' }, batch: { type: 'string', default: '500' }, verbose: { type: 'boolean', default: false } } });
const TARGET = 0.95;
const f = (n: number) => n.toFixed(3);
let worst = 1;
console.log('seed  orgs  records  true  detected  hits  precision  recall     f1  fragments/true  scanner-campaigns  scanners-listed  ms  churn (created/retracted/merged, provisional ended unseen)');
for (const size of opt.sizes.split(',').map(Number)) {
  for (const seed of opt.seeds.split(',').map(Number)) {
    const data = generate(seed, size);
    const traits = new Map(data.orgs.map((o) => [o.id, { sectors: o.sectors, provinceCode: o.provinceCode, kind: o.kind }]));
    const t0 = performance.now();
    const { campaigns, scanners, churn } = replay(data.records, (o) => traits.get(o) ?? null, { batch: Number(opt.batch) });
    const ms = Math.round(performance.now() - t0);
    const active = activeCampaigns(campaigns);
    const s = scoreStrict(active.map((c) => new Set(c.orgs.keys())), data.truth, data.scanners);
    worst = Math.min(worst, s.f1);
    console.log(`${String(seed).padStart(4)}  ${String(size).padStart(4)}  ${String(data.records.length).padStart(7)}  ${String(s.truth).padStart(4)}  ${String(s.detected).padStart(8)}  ${String(s.hits).padStart(4)}  ${f(s.precision).padStart(9)}  ${f(s.recall).padStart(6)}  ${f(s.f1)}  ${f(s.fragments / Math.max(1, s.truth)).padStart(13)}  ${String(s.scannerCampaigns).padStart(17)}  ${String(scanners.size).padStart(15)}  ${ms}  ${churn.created}/${churn.retracted}/${churn.merged}, ${churn.dropped}`);
    if (s.missed.length) console.log(`      missed: ${s.missed.join(', ')}`);
    if (opt.verbose) {
      const truth = data.truth.map((t) => ({ ...t, set: new Set(t.orgIds) }));
      for (const c of active) {
        const best = truth.map((t) => ({ t: t.label, j: [...c.orgs.keys()].filter((o) => t.set.has(o)).length / new Set([...c.orgs.keys(), ...t.orgIds]).size })).sort((a, b) => b.j - a.j)[0];
        console.log(`      ${c.key} ${c.confidence} orgs=${c.orgs.size} best=${best?.t} j=${best?.j.toFixed(2)} ${c.values.slice(0, 4).join(' ')}`);
      }
      for (const t of data.truth) console.log(`      truth ${t.label} orgs=${t.orgIds.length}`);
    }
  }
}
console.log(`bench:campaigns f1=${f(worst)} target>=${TARGET} ${worst >= TARGET ? 'ok' : 'miss'}`);
