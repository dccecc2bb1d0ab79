/** A STIX 2.1 object as parsed JSON: only `type` and `id` are assumed before validation. */
export interface StixObject {
  type: string;
  id: string;
  spec_version?: string;
  created?: string;
  modified?: string;
  [property: string]: unknown;
}

/** A STIX 2.1 bundle envelope (not versioned, no spec_version in 2.1). */
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}
