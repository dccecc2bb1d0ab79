import type { TFunction } from 'i18next';
import type { IncidentCreate, ReportContent, Tlp } from '@lachan/contracts';
import { isoToVnLocal, vnLocalToIso } from '../vnTime.ts';

/** The Circular 20 notification as the form holds it: text inputs use '' for "not set", times are Vietnam local. */
export interface ReportFormValues {
  title: string;
  severity: string;
  tlp: Tlp;
  unitName: string;
  unitAddress: string;
  fpName: string;
  fpPosition: string;
  fpPhone: string;
  fpEmail: string;
  sysName: string;
  sysOwner: string;
  sysOperator: string;
  sysLevel: string | null;
  sysFunction: string;
  sysLocation: string;
  discoveredAt: string;
  occurredAt: string;
  category: string | null;
  description: string;
  status: ReportContent['status'] | null;
  scopeImpact: string;
  suspectedSource: string;
  iocs: string;
  actionsTaken: string;
  beyondCapacity: boolean;
  supportRequested: string;
}

export type ReportFormErrors = Partial<Record<keyof ReportFormValues, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ().-]{8,20}$/;

/** A blank notification, the reporting unit and focal point filled from the signed-in user. */
export const emptyReportForm = (who: { unitName: string; name: string; email: string }, now: string): ReportFormValues => ({
  title: '', severity: '2', tlp: 'AMBER',
  unitName: who.unitName, unitAddress: '', fpName: who.name, fpPosition: '', fpPhone: '', fpEmail: who.email,
  sysName: '', sysOwner: '', sysOperator: '', sysLevel: null, sysFunction: '', sysLocation: '',
  discoveredAt: now, occurredAt: '', category: null, description: '', status: 'ongoing',
  scopeImpact: '', suspectedSource: '', iocs: '', actionsTaken: '', beyondCapacity: false, supportRequested: '',
});

const LIMITS: Partial<Record<keyof ReportFormValues, number>> = {
  title: 500, unitName: 300, unitAddress: 500, fpName: 200, fpPosition: 200, fpPhone: 50, fpEmail: 200, sysName: 300, sysOwner: 300, sysOperator: 300,
  sysFunction: 100, sysLocation: 500, description: 20000, scopeImpact: 5000, suspectedSource: 2000, actionsTaken: 10000, supportRequested: 5000,
};

/** The indicators typed one per line (or separated by commas), blanks dropped. */
export const iocList = (text: string): string[] => text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);

/**
 * Checks what Circular 20 asks of a notification: who reports and how to reach them, the affected system,
 * when it was discovered, what kind of incident and what happened; `withTitle` for a new incident.
 */
export function validateReportForm(v: ReportFormValues, t: TFunction, withTitle: boolean, now = Date.now()): ReportFormErrors {
  const errors: ReportFormErrors = {};
  const required: (keyof ReportFormValues)[] = ['unitName', 'fpName', 'sysName', 'discoveredAt', 'category', 'description', 'status'];
  if (withTitle) required.unshift('title');
  for (const key of required) {
    const value = v[key];
    if (value === null || (typeof value === 'string' && !value.trim())) errors[key] = t('validation.required');
  }
  for (const [key, max] of Object.entries(LIMITS) as [keyof ReportFormValues, number][]) {
    const value = v[key];
    if (!errors[key] && typeof value === 'string' && value.trim().length > max) errors[key] = t('validation.maxLength', { n: max });
  }
  if (!v.fpPhone.trim() && !v.fpEmail.trim()) errors.fpPhone = t('incidents.report.validation.contact');
  if (v.fpEmail.trim() && !EMAIL.test(v.fpEmail.trim())) errors.fpEmail = t('validation.email');
  if (v.fpPhone.trim() && !PHONE.test(v.fpPhone.trim())) errors.fpPhone = t('validation.phone');
  const discovered = v.discoveredAt ? vnLocalToIso(v.discoveredAt) : null;
  const occurred = v.occurredAt ? vnLocalToIso(v.occurredAt) : null;
  if (v.discoveredAt && !discovered) errors.discoveredAt = t('incidents.report.validation.time');
  else if (discovered && Date.parse(discovered) > now + 60_000) errors.discoveredAt = t('incidents.report.validation.future');
  if (v.occurredAt && !occurred) errors.occurredAt = t('incidents.report.validation.time');
  else if (occurred && discovered && occurred > discovered) errors.occurredAt = t('incidents.report.validation.beforeDiscovery');
  if (iocList(v.iocs).some((ioc) => ioc.length > 500)) errors.iocs = t('validation.maxLength', { n: 500 });
  return errors;
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/** The report content the API stores (ReportContent), leaving out what was not filled. */
export function formToContent(v: ReportFormValues): ReportContent {
  const iocs = iocList(v.iocs);
  return {
    reportingUnit: { name: v.unitName.trim(), address: opt(v.unitAddress) },
    focalPoint: { name: v.fpName.trim(), position: opt(v.fpPosition), unit: v.unitName.trim() || undefined, phone: opt(v.fpPhone), email: opt(v.fpEmail) },
    affectedSystem: {
      name: v.sysName.trim(), owner: opt(v.sysOwner), operator: opt(v.sysOperator), securityLevel: v.sysLevel ? Number(v.sysLevel) : undefined,
      functionType: opt(v.sysFunction), location: opt(v.sysLocation),
    },
    discoveredAt: vnLocalToIso(v.discoveredAt) ?? undefined,
    occurredAt: vnLocalToIso(v.occurredAt) ?? undefined,
    category: v.category ?? undefined,
    description: opt(v.description),
    status: v.status ?? undefined,
    scopeImpact: opt(v.scopeImpact),
    suspectedSource: opt(v.suspectedSource),
    iocs: iocs.length ? iocs : undefined,
    actionsTaken: opt(v.actionsTaken),
    beyondCapacity: v.beyondCapacity,
    supportRequested: opt(v.supportRequested),
  };
}

/** A new incident opened from the notification (the server files it as the first report and starts the clocks). */
export function formToCreate(v: ReportFormValues, orgId: string): IncidentCreate {
  return { orgId, title: v.title.trim(), severity: Number(v.severity), tlp: v.tlp, report: formToContent(v) };
}

/** A follow-up report starts from what was last reported (or from the incident itself when nothing was). */
export function contentToForm(c: ReportContent, incident: { title: string; severity: number; tlp: Tlp; description: string; rsitClass: string | null }, now: string): ReportFormValues {
  const s = c.affectedSystem;
  return {
    title: incident.title, severity: String(incident.severity), tlp: incident.tlp,
    unitName: c.reportingUnit?.name ?? '', unitAddress: c.reportingUnit?.address ?? '',
    fpName: c.focalPoint?.name ?? '', fpPosition: c.focalPoint?.position ?? '', fpPhone: c.focalPoint?.phone ?? '', fpEmail: c.focalPoint?.email ?? '',
    sysName: s?.name ?? '', sysOwner: s?.owner ?? '', sysOperator: s?.operator ?? '', sysLevel: s?.securityLevel ? String(s.securityLevel) : null,
    sysFunction: s?.functionType ?? '', sysLocation: s?.location ?? '',
    discoveredAt: c.discoveredAt ? isoToVnLocal(c.discoveredAt) : now, occurredAt: c.occurredAt ? isoToVnLocal(c.occurredAt) : '',
    category: c.category ?? incident.rsitClass, description: c.description ?? incident.description, status: c.status ?? 'ongoing',
    scopeImpact: c.scopeImpact ?? '', suspectedSource: c.suspectedSource ?? '', iocs: (c.iocs ?? []).join('\n'), actionsTaken: c.actionsTaken ?? '',
    beyondCapacity: c.beyondCapacity ?? false, supportRequested: c.supportRequested ?? '',
  };
}
