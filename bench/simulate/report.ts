import type { Stats } from './sender.ts';
import type { SetupResult } from './setup.ts';
import type { FormatStats, SimulationOptions, SimulationReport } from './types.ts';

/** Nearest-rank percentile of sorted values (0 when empty). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export function buildReport(input: { opts: SimulationOptions; setup: SetupResult; stats: Stats; trafficSeconds: number; skipped: number }): SimulationReport {
  const { opts, setup, stats } = input;
  for (const c of setup.connectors) stats.of(c.format).connectors++;
  const formats = [...stats.byFormat.values()].filter((f) => f.connectors > 0 || f.sent > 0);
  const sum = (k: keyof Omit<FormatStats, 'format'>): number => formats.reduce((n, f) => n + f[k], 0);
  const totals = {
    connectors: sum('connectors'), sent: sum('sent'), accepted: sum('accepted'), duplicates: sum('duplicates'), rejected: sum('rejected'),
    malformedSent: sum('malformedSent'), repeatsSent: sum('repeatsSent'), validRejected: sum('validRejected'), malformedAccepted: sum('malformedAccepted'),
    requests: sum('requests'), retries: sum('retries'), failedRecords: sum('failedRecords'),
  };
  const lat = [...stats.latenciesMs].sort((a, b) => a - b);
  const answered = totals.accepted + totals.duplicates + totals.rejected;
  const elapsed = stats.firstRequestAt !== null && stats.lastAnswerAt !== null ? (stats.lastAnswerAt - stats.firstRequestAt) / 1000 : 0;
  return {
    ok: stats.failedBatches === 0 && stats.unsentBatches === 0,
    url: opts.url,
    seed: opts.seed,
    orgs: { reporters: setup.reporters.length, socProviders: setup.socProviders, withAssets: setup.withAssets, keys: setup.connectors.length, assetsCreated: setup.assetsCreated, assetsExisting: setup.assetsExisting, assetConflicts: setup.assetConflicts },
    targetRate: opts.rate,
    durationSeconds: opts.duration,
    elapsedSeconds: round(elapsed, 2),
    achievedRate: round(answered / Math.max(input.trafficSeconds, elapsed, 0.001)),
    skipped: input.skipped,
    formats,
    totals,
    requests: { total: totals.requests, ok: stats.okRequests, retries: totals.retries, failed: stats.failedBatches, unsent: stats.unsentBatches, httpErrors: { ...stats.httpErrors } },
    latencyMs: { p50: round(percentile(lat, 0.5)), p90: round(percentile(lat, 0.9)), p99: round(percentile(lat, 0.99)), max: round(lat[lat.length - 1] ?? 0) },
    samples: [...stats.samples],
  };
}

function table(rows: readonly (readonly (string | number)[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r, ri) => {
    const line = r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');
    return ri === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
  }).join('\n');
}

/** The end-of-run summary as text. */
export function formatReport(r: SimulationReport): string {
  const head = ['format', 'keys', 'sent', 'accepted', 'duplicates', 'rejected', 'malformed', 'repeats', 'bad-rej', 'bad-acc', 'requests', 'retries', 'failed'];
  const row = (name: string, f: Omit<FormatStats, 'format'>): (string | number)[] => [name, f.connectors, f.sent, f.accepted, f.duplicates, f.rejected, f.malformedSent, f.repeatsSent, f.validRejected, f.malformedAccepted, f.requests, f.retries, f.failedRecords];
  const errors = Object.entries(r.requests.httpErrors).map(([k, v]) => `${k}×${v}`).join(', ') || 'none';
  const lines = [
    '',
    `Simulation against ${r.url} (seed ${r.seed}): ${r.orgs.reporters} reporting organisations (${r.orgs.socProviders} SOC providers), ${r.orgs.keys} connector keys, assets for ${r.orgs.withAssets} organisations (${r.orgs.assetsCreated} created, ${r.orgs.assetsExisting} already there, ${r.orgs.assetConflicts} owned by others)`,
    '',
    table([head, ...r.formats.map((f) => row(f.format, f)), row('total', r.totals)]),
    '',
    `rate: target ${r.targetRate}/s for ${r.durationSeconds} s, achieved ${r.achievedRate}/s (answered records over ${r.elapsedSeconds} s of requests)${r.skipped > 0 ? `; ${r.skipped} records not generated because the server fell behind` : ''}`,
    `requests: ${r.requests.total} (${r.requests.ok} answered 202, ${r.requests.retries} retries, ${r.requests.failed} batches failed, ${r.requests.unsent} unsent); HTTP errors: ${errors}`,
    `latency of 202 answers: p50 ${r.latencyMs.p50} ms, p90 ${r.latencyMs.p90} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms`,
    'bad-rej = valid records rejected, bad-acc = malformed records accepted (both should be 0)',
  ];
  if (r.injected) {
    lines.push('', 'injected:');
    for (const c of r.injected.campaigns) {
      lines.push(`  ${c.label} [${c.group}] ${c.network} ${c.domain} ${c.techniques.join(' ')}: ${c.alerts} alerts at ${c.orgs.join(', ')} -> ${c.detected ? `detected (campaign ${c.serverCampaignId})` : 'NOT detected'}; campaigns ${c.serverCampaigns}, proposals ${c.proposals} (target 1 and 1)`);
    }
    const n = r.injected.campaigns.length;
    lines.push(`  campaigns on the server: ${r.injected.activeCampaigns} active for ${n} injected (${n ? (r.injected.activeCampaigns / n).toFixed(2) : 'n/a'} per injected, target 1); campaign proposals: ${r.injected.campaignProposals} (${n ? (r.injected.campaignProposals / n).toFixed(2) : 'n/a'} per injected, target 1)`);
    const ch = r.injected.churn;
    lines.push(`  churn during the run: ${ch.created} campaigns published, ${ch.retracted} retracted, ${ch.merged} merged away; ${ch.proposalsDiscarded} campaign proposals discarded (target: each at most ${n}, the number injected)`);
    if (r.injected.surge) lines.push(`  ${r.injected.surge.label}: ${r.injected.surge.alerts} alerts over ${r.injected.surge.orgs} organisations of ${r.injected.surge.sector}`);
    if (r.injected.recall !== null) lines.push(`  campaigns detected by the server: ${Math.round(r.injected.recall * 100)}%`);
  }
  if (r.incidents) {
    const f = r.incidents;
    const rules = Object.entries(f.byRule).map(([name, n]) => `${name} ${n}`).join(', ') || 'none';
    lines.push('', `incidents opened: ${f.incidents} (${rules}; ${f.distinctTitles} distinct titles)`,
      `  from ${f.alerts} alerts stored (${f.criticalAlerts} critical): ${f.groups} distinct (organisation, signature, attacker) groups of critical alerts, ${f.allGroups} of all alerts`,
      `  incidents per critical group: ${f.ratio ?? 'n/a'} (target <= 2)`);
  }
  if (r.samples.length > 0) lines.push('', 'samples:', ...r.samples.map((s) => `  ${s}`));
  lines.push('', r.ok ? 'OK: every request was answered 202' : 'FAILED: some requests were not answered 202');
  lines.push(summaryLine(r));
  return lines.join('\n');
}

/**
 * The last line: the measured targets in one place, `simulate: … ok|miss`. One active campaign and one
 * campaign proposal per injected campaign, every injected campaign found, incidents at most twice the
 * (organisation, signature, attacker) groups of critical alerts; every request answered. Churn (campaigns
 * retracted or merged away, proposals discarded during the run) at most one each per injected campaign:
 * an injected campaign may rightly be found as two parts that later join, or lose a link once, but churn
 * beyond that is background announced as campaigns, which an analyst reads as noise.
 */
export function summaryLine(r: SimulationReport): string {
  const parts = [`rate=${r.achievedRate}/s`, `requests=${r.ok ? 'ok' : 'failed'}`];
  let met = r.ok;
  if (r.injected) {
    const n = r.injected.campaigns.length;
    const found = r.injected.campaigns.filter((c) => c.detected).length;
    const ch = r.injected.churn;
    parts.push(`campaigns=${r.injected.activeCampaigns}/${n}`, `proposals=${r.injected.campaignProposals}/${n}`, `detected=${found}/${n}`,
      `churn=${ch.retracted}/${ch.merged}/${ch.proposalsDiscarded}`);
    met &&= ch.retracted <= n && ch.merged <= n && ch.proposalsDiscarded <= n;
    met &&= r.injected.activeCampaigns === n && r.injected.campaignProposals === n && found === n && r.injected.campaigns.every((c) => c.serverCampaigns === 1 && c.proposals === 1);
  }
  if (r.incidents) {
    parts.push(`incidents=${r.incidents.incidents}`, `groups=${r.incidents.groups}`, `incidents/group=${r.incidents.ratio ?? 'n/a'}`);
    met &&= r.incidents.ratio === null || r.incidents.ratio <= 2;
  }
  return `simulate: ${parts.join(' ')} target: 1 campaign and 1 proposal per injected, churn (retracted/merged/discarded) <= injected each, incidents/group<=2 ${met ? 'ok' : 'miss'}`;
}
