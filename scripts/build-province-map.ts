/**
 * Builds the console's province map (apps/web/src/features/map/vn-provinces.json) from the 34 provincial
 * boundary files of thanglequoc/vietnamese-provinces-database (MIT; boundaries after the 1 July 2025
 * merger, derived by that project from the official reference map sapnhap.bando.com.vn):
 *
 *   node scripts/build-province-map.ts <checkout>/json/geojson [commit]
 *
 * The 34 files (≈ 8 MB) are joined into one topology, so that neighbours keep one shared border,
 * simplified there (Visvalingam, topology-preserving, keeping every island: Hoàng Sa with Đà Nẵng and
 * Trường Sa with Khánh Hòa), and written back as one GeoJSON FeatureCollection with coordinates rounded
 * to about 100 m and only the properties the console needs: `code` (Decision 19/2025), `name`, `nameEn`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import { feature } from 'topojson-client';

type Geometry = { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
type Feature = { type: 'Feature'; id?: string; properties: Record<string, unknown>; geometry: Geometry };

const OUT = 'apps/web/src/features/map/vn-provinces.json';
/** Share of the points kept by weight (the rest go); chosen so the file stays well under 1 MB. */
const KEEP = Number(process.env.KEEP ?? 0.15);

const [dir, commit = 'unknown'] = process.argv.slice(2);
if (!dir) throw new Error('usage: node scripts/build-province-map.ts <vietnamese-provinces-database>/json/geojson [commit]');

const features: Feature[] = [];
for (const entry of readdirSync(dir, { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  const fc = JSON.parse(readFileSync(join(dir, entry.name, `${entry.name}.geojson`), 'utf8')) as { features: Feature[] };
  for (const f of fc.features) features.push({ type: 'Feature', properties: { code: f.properties.code, name: f.properties.name, nameEn: f.properties.nameEn }, geometry: f.geometry });
}
if (features.length !== 34) throw new Error(`expected 34 provincial units, found ${features.length}`);

const topo = presimplify(topology({ provinces: { type: 'FeatureCollection', features } } as never) as never) as unknown as { arcs: number[][][] };
// A closed arc (an island, a whole coastline) keeps its three weightiest points whatever the threshold,
// so that no island disappears: simplification otherwise keeps only an arc's two ends.
for (const arc of topo.arcs) {
  const [a, z] = [arc[0]!, arc[arc.length - 1]!];
  if (a[0] !== z[0] || a[1] !== z[1]) continue;
  [...arc.slice(1, -1)].sort((p, q) => q[2]! - p[2]!).slice(0, 3).forEach((p) => (p[2] = Infinity));
}
const simple = simplify(topo as never, quantile(topo as never, KEEP));
const out = feature(simple as never, (simple as { objects: { provinces: never } }).objects.provinces) as unknown as { features: Feature[] };

/**
 * A ring with its coordinates rounded to 0.001° (about 100 m) and repeated points dropped; a small
 * island that this would collapse is rounded finer instead (0.0001°, then 0.00001°), never dropped.
 */
const ring = (r: number[][]): number[][] | null => {
  for (const k of [1e3, 1e4, 1e5]) {
    const rounded = r.map(([x, y]) => [Math.round(x! * k) / k, Math.round(y! * k) / k]);
    const kept = rounded.filter((p, i) => i === 0 || p[0] !== rounded[i - 1]![0] || p[1] !== rounded[i - 1]![1]);
    if (kept.length >= 4) return kept;
  }
  return null;
};
const polygons = (g: Geometry): number[][][][] => (g.type === 'Polygon' ? [g.coordinates as number[][][]] : (g.coordinates as number[][][][]));
const result = {
  type: 'FeatureCollection',
  source: `thanglequoc/vietnamese-provinces-database@${commit} json/geojson (MIT), simplified by scripts/build-province-map.ts`,
  features: out.features
    .map((f) => {
      const polys = polygons(f.geometry).map((p) => p.map(ring).filter((r): r is number[][] => r !== null)).filter((p) => p.length > 0);
      return { type: 'Feature', properties: f.properties, geometry: { type: 'MultiPolygon', coordinates: polys } };
    })
    .sort((a, b) => String(a.properties.code).localeCompare(String(b.properties.code))),
};
const text = JSON.stringify(result);
writeFileSync(OUT, `${text}\n`);
const rings = result.features.reduce((n, f) => n + f.geometry.coordinates.reduce((m, p) => m + p.length, 0), 0);
console.log(`${OUT}: ${result.features.length} units, ${rings} rings, ${text.length.toLocaleString('en')} bytes`);
