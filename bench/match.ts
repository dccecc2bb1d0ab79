/**
 * bench:match — the in-memory IOC matcher with 1,000,000 mixed indicators (addresses, CIDR blocks,
 * domains, URLs, digests, e-mail) against a stream of alert observables of which 30 % hit.
 * Prints build time, hits and memory, and ends with µs per observable and heap bytes per indicator
 * (heapUsed + arrayBuffers after gc) against the targets < 2 µs and < 200 B. Run with --expose-gc.
 * Options: --indicators N --observables N --passes N
 */
import { parseArgs } from 'node:util';
import { IocMatcher, type MatcherIndicator, type MatcherObservable } from '../apps/server/src/modules/intel/ioc-matcher.ts';

const { values: opt } = parseArgs({ options: { indicators: { type: 'string', default: '1000000' }, observables: { type: 'string', default: '500000' }, passes: { type: 'string', default: '5' } } });
const N = Number(opt.indicators);
const OBS = Number(opt.observables);
const PASSES = Number(opt.passes);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:match does)');

// Deterministic PRNG (mulberry32) so every run measures the same data.
let seed = 0x1eaf;
const rnd = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n: number): number => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const hex = (len: number): string => { let s = ''; for (let i = 0; i < len; i++) s += '0123456789abcdef'[int(16)]; return s; };
const SYL = ['ka', 'lo', 'mi', 'net', 'sec', 'cdn', 'up', 'dat', 'vn', 'go', 'tra', 'ng', 'hoa', 'an', 'zer', 'qu'];
const TLD = ['com', 'net', 'org', 'vn', 'com.vn', 'info', 'xyz', 'top', 'ru', 'io'];
const label = (): string => { let s = ''; const n = 2 + int(3); for (let i = 0; i < n; i++) s += pick(SYL); return s + String(int(100_000)); };
const domain = (): string => `${label()}.${rnd() < 0.3 ? `${label()}.` : ''}${pick(TLD)}`;
const publicV4 = (): number => { for (;;) { const a = 1 + int(223); if (a !== 10 && a !== 127 && a !== 100 && a !== 169 && a !== 172 && a !== 192) return ((a << 24) | int(1 << 24)) >>> 0; } };
const v4text = (n: number): string => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
const v6text = (): string => `2a0${int(10)}:${int(65536).toString(16)}:${int(65536).toString(16)}::${int(65536).toString(16)}`;
const url = (host = domain()): string => `${rnd() < 0.7 ? 'https' : 'http'}://${host}/${label()}/${label()}${rnd() < 0.5 ? `?id=${int(1e6)}` : ''}`;

const MIX: Array<[MatcherIndicator['type'], number, () => string]> = [
  ['ipv4', 0.3, () => v4text(publicV4())],
  ['ipv6', 0.05, v6text],
  ['cidr', 0.05, () => { const bits = 20 + int(9); return `${v4text((publicV4() >>> (32 - bits)) << (32 - bits) >>> 0)}/${bits}`; }],
  ['domain', 0.25, domain],
  ['url', 0.15, () => url()],
  ['md5', 0.05, () => hex(32)],
  ['sha1', 0.05, () => hex(40)],
  ['sha256', 0.07, () => hex(64)],
  ['email', 0.03, () => `${label()}@${domain()}`],
];

function makeIndicators(): MatcherIndicator[] {
  const out: MatcherIndicator[] = [];
  for (const [type, share, gen] of MIX) for (let i = Math.round(N * share); i > 0; i--) out.push({ id: out.length + 1, type, value: gen() });
  return out;
}

/** A value that hits `ind` as an alert would carry it (an address in a block, a sub-domain, a URL on a listed host…). */
function hitFor(ind: MatcherIndicator): MatcherObservable {
  switch (ind.type) {
    case 'cidr': { const [a, b] = ind.value.split('/'); const base = a!.split('.').reduce((n, o) => n * 256 + Number(o), 0); return { type: 'ipv4', value: v4text(base + int(2 ** (32 - Number(b)))) }; }
    case 'domain': return rnd() < 0.5 ? { type: 'domain', value: ind.value } : rnd() < 0.5 ? { type: 'domain', value: `${label()}.${ind.value}` } : { type: 'url', value: url(ind.value) };
    default: return { type: ind.type, value: ind.value };
  }
}

function miss(): MatcherObservable {
  const r = rnd();
  if (r < 0.45) return { type: 'ipv4', value: v4text(publicV4()) };
  if (r < 0.5) return { type: 'ipv6', value: v6text() };
  if (r < 0.7) return { type: 'domain', value: domain() };
  if (r < 0.8) return { type: 'url', value: url() };
  if (r < 0.85) return { type: 'md5', value: hex(32) };
  if (r < 0.92) return { type: 'sha256', value: hex(64) };
  if (r < 0.97) return { type: 'email', value: `${label()}@${domain()}` };
  return { type: 'user', value: label() };
}

const indicators = makeIndicators();
const stream: MatcherObservable[][] = [];
for (let left = OBS; left > 0;) {
  const batch: MatcherObservable[] = [];
  for (let k = Math.min(left, 1 + int(8)); k > 0; k--, left--) batch.push(rnd() < 0.3 ? hitFor(indicators[int(indicators.length)]!) : miss());
  stream.push(batch);
}

// Concatenated strings are ropes until first read; flatten them now so that the matcher's build (which
// reads every value) does not shrink the input and distort the memory figure.
const flat = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const input = flat(indicators);
const observations = flat(stream);
indicators.length = 0;
stream.length = 0;

const used = (): number => { gc(); gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const before = used();
const t0 = performance.now();
const matcher = IocMatcher.build(input);
const buildMs = performance.now() - t0;
const bytesPerIndicator = (used() - before) / matcher.size;

let hits = 0;
let observablesWithHit = 0;
for (const batch of observations) {
  const h = matcher.match(batch);
  hits += h.length;
  observablesWithHit += new Set(h.map((x) => x.observableIndex)).size;
}
const times: number[] = [];
for (let p = 0; p < PASSES; p++) {
  const s = performance.now();
  for (const batch of observations) matcher.match(batch);
  times.push(((performance.now() - s) * 1000) / OBS);
}
times.sort((a, b) => a - b);
const us = times[Math.floor(times.length / 2)]!;

console.log(`bench:match matcher arrays ${(matcher.byteLength / matcher.size).toFixed(1)} B/indicator; input kept alive: ${input.length}`);
console.log(`bench:match ${matcher.size.toLocaleString('en')} indicators loaded (${JSON.stringify(matcher.report)}) in ${buildMs.toFixed(0)} ms`);
console.log(`bench:match ${OBS.toLocaleString('en')} observables in ${observations.length.toLocaleString('en')} batches: ${hits.toLocaleString('en')} hits, ${((observablesWithHit / OBS) * 100).toFixed(1)} % of observables hit`);
console.log(`bench:match per pass µs/observable: ${times.map((t) => t.toFixed(3)).join(' ')}`);
const ok = us < 2 && bytesPerIndicator < 200;
console.log(`bench:match us_per_observable=${us.toFixed(3)} bytes_per_indicator=${bytesPerIndicator.toFixed(1)} target<2us,<200B ${ok ? 'ok' : 'miss'}`);
