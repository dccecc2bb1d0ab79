// The few functions of topojson-server, -simplify and -client that scripts/build-province-map.ts uses.
declare module 'topojson-server' {
  export function topology(objects: Record<string, unknown>, quantization?: number): unknown;
}
declare module 'topojson-simplify' {
  export function presimplify(topology: unknown): unknown;
  export function quantile(topology: unknown, p: number): number;
  export function simplify(topology: unknown, minWeight: number): unknown;
}
declare module 'topojson-client' {
  export function feature(topology: unknown, object: unknown): unknown;
}
