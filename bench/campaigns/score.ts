/** A true campaign of a generated data set. */
export interface TrueCampaign { label: string; orgIds: string[] }

export interface StrictScore { detected: number; truth: number; hits: number; precision: number; recall: number; f1: number; fragments: number; scannerCampaigns: number; missed: string[] }

const jaccard = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
};

/**
 * Strict scoring: a detected campaign is a hit only if its organisations overlap a true campaign's with
 * Jaccard >= 0.5 and no earlier detection (largest overlap first) took that campaign. Every other
 * detection is a false positive: a fragment when it overlaps a true campaign at all, a scanner campaign
 * when it is made of a scanner's victims (`scanners`: the organisation sets scanners hit), else noise.
 */
export function scoreStrict(detected: readonly ReadonlySet<string>[], truth: readonly TrueCampaign[], scanners: readonly ReadonlySet<string>[] = []): StrictScore {
  const sets = truth.map((t) => new Set(t.orgIds));
  const pairs: { d: number; t: number; j: number }[] = [];
  detected.forEach((d, di) => sets.forEach((t, ti) => { const j = jaccard(d, t); if (j >= 0.5) pairs.push({ d: di, t: ti, j }); }));
  pairs.sort((a, b) => b.j - a.j || a.d - b.d);
  const takenT = new Set<number>();
  const takenD = new Set<number>();
  for (const p of pairs) if (!takenT.has(p.t) && !takenD.has(p.d)) { takenT.add(p.t); takenD.add(p.d); }
  let fragments = 0;
  let scannerCampaigns = 0;
  detected.forEach((d, di) => {
    if (takenD.has(di)) return;
    if (sets.some((t) => [...d].some((o) => t.has(o)) && [...d].filter((o) => t.has(o)).length * 2 >= d.size)) fragments++;
    else if (scanners.some((s) => [...d].filter((o) => s.has(o)).length * 2 >= d.size)) scannerCampaigns++;
  });
  const hits = takenT.size;
  const precision = detected.length ? hits / detected.length : 1;
  const recall = truth.length ? hits / truth.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { detected: detected.length, truth: truth.length, hits, precision, recall, f1, fragments, scannerCampaigns, missed: truth.filter((_, i) => !takenT.has(i)).map((t) => t.label) };
}
