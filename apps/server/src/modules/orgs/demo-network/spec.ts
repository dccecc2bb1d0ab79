import type { OrgKind } from '@lachan/contracts';

/** The hand-written part of an organisation; the rest is derived. */
export interface Spec {
  key: string;
  parentKey: string | null;
  name: string;
  nameEn: string;
  shortName?: string;
  kind: OrgKind;
  provinceCode: string;
  sectors: string[];
  securityLevel: number | null;
  /** Label under `.example.vn`. */
  domain: string;
  socClientKeys?: string[];
}
