import type { TFunction } from 'i18next';
import type { OrgCreate, OrgKind, Organization, OrgPatch } from '@lachan/contracts';

/** Editable fields as the form holds them: text inputs use '' for "not set". */
export interface OrgFormValues {
  name: string;
  nameEn: string;
  shortName: string;
  kind: OrgKind | null;
  provinceCode: string | null;
  sectors: string[];
  securityLevel: string | null;
  website: string;
  incidentReceptionEmail: string;
  address: string;
  parentId: string | null;
}

export type OrgFormErrors = Partial<Record<keyof OrgFormValues, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A blank form for a new organisation under `parentId`. */
export const emptyOrgForm = (parentId: string | null): OrgFormValues => ({
  name: '',
  nameEn: '',
  shortName: '',
  kind: null,
  provinceCode: null,
  sectors: [],
  securityLevel: null,
  website: '',
  incidentReceptionEmail: '',
  address: '',
  parentId,
});

/** The form filled from an existing record. */
export const orgToForm = (org: Organization): OrgFormValues => ({
  name: org.name,
  nameEn: org.nameEn ?? '',
  shortName: org.shortName ?? '',
  kind: org.kind,
  provinceCode: org.provinceCode,
  sectors: [...org.sectors],
  securityLevel: org.securityLevel === null ? null : String(org.securityLevel),
  website: org.website ?? '',
  incidentReceptionEmail: org.incidentReceptionEmail ?? '',
  address: org.address ?? '',
  parentId: org.parentId,
});

/** Checks the form against the OrgCreate/OrgPatch limits before anything is sent. */
export function validateOrgForm(v: OrgFormValues, t: TFunction): OrgFormErrors {
  const errors: OrgFormErrors = {};
  const name = v.name.trim();
  if (!name) errors.name = t('validation.required');
  else if (name.length < 2) errors.name = t('validation.minLength', { n: 2 });
  else if (name.length > 300) errors.name = t('validation.maxLength', { n: 300 });
  if (v.nameEn.trim().length > 300) errors.nameEn = t('validation.maxLength', { n: 300 });
  if (v.shortName.trim().length > 40) errors.shortName = t('validation.maxLength', { n: 40 });
  if (!v.kind) errors.kind = t('validation.required');
  if (v.website.trim().length > 300) errors.website = t('validation.maxLength', { n: 300 });
  const email = v.incidentReceptionEmail.trim();
  if (email && !EMAIL.test(email)) errors.incidentReceptionEmail = t('validation.email');
  if (v.address.trim().length > 500) errors.address = t('validation.maxLength', { n: 500 });
  return errors;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The editable fields as the API expects them. */
function toPayload(v: OrgFormValues) {
  return {
    name: v.name.trim(),
    nameEn: orNull(v.nameEn),
    shortName: orNull(v.shortName),
    kind: v.kind as OrgKind,
    provinceCode: v.provinceCode,
    sectors: v.sectors,
    securityLevel: v.securityLevel === null ? null : Number(v.securityLevel),
    website: orNull(v.website),
    incidentReceptionEmail: orNull(v.incidentReceptionEmail),
    address: orNull(v.address),
  };
}

/** The POST /orgs body. */
export const formToCreate = (v: OrgFormValues): OrgCreate => ({ ...toPayload(v), parentId: v.parentId });

/** Only the fields that changed; empty when nothing did (OrgPatch needs at least one). */
export function formToPatch(v: OrgFormValues, org: Organization): OrgPatch {
  const next = toPayload(v);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const before = org[key as keyof typeof next];
    if (JSON.stringify(before) !== JSON.stringify(value)) patch[key] = value;
  }
  return patch as OrgPatch;
}
