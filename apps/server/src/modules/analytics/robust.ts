const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * A series with its bursts tamed, for fitting: each day is compared with the median of the same
 * weekday over the three weeks either side, and a day further from it than `k` robust standard
 * deviations (1.4826 · MAD of those differences) is pulled back to that bound. A scan wave that
 * tripled two days is then not taken for a new level or a new weekly shape; the days stay in place.
 */
export function tameBursts(z: number[], period = 7, k = 2): number[] {
  const base = z.map((_, t) => {
    const same: number[] = [];
    for (let w = -3; w <= 3; w++) if (w !== 0 && t + w * period >= 0 && t + w * period < z.length) same.push(z[t + w * period]!);
    return same.length ? median(same) : z[t]!;
  });
  const resid = z.map((v, t) => v - base[t]!);
  const bound = k * 1.4826 * median(resid.map(Math.abs));
  if (!(bound > 0)) return [...z];
  return z.map((v, t) => (Math.abs(resid[t]!) > bound ? base[t]! + Math.sign(resid[t]!) * bound : v));
}
