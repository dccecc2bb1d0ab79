import { OBSERVABLE_TYPES, SEVERITIES, type NormalizedAlert, type ObservableType, type SeverityLevel } from '@lachan/contracts';
import { finishAlert, newAlert } from '../alert.ts';
import { fail } from '../failure.ts';
import { normaliseIp } from '../ip.ts';
import { isObject, parseJsonObject, type JsonObject } from '../json-record.ts';
import { ObservableSet, type ObservableRole } from '../observable-set.ts';
import { normaliseObservable } from '../observables.ts';
import { normaliseRsit } from '../rsit.ts';
import { parseIsoTime, toIso } from '../time.ts';
import type { ParseContext } from '../types.ts';

/**
 * Lachan's own alert JSON (`LachanAlertInput` in @lachan/contracts), checked by hand against the
 * contract (same limits; unknown members ignored, as TypeBox objects allow) and then normalised:
 * `time` must be RFC 3339 with an offset; `severity` is low…critical or 1–4; `rsit` may use the known
 * aliases but must name a v1003 class (`invalid_value` otherwise); IP addresses and observable values
 * must be valid for their type. Field names map one to one onto the normalised alert.
 * Missing required members → `missing_field`; wrong type or out of range → `invalid_value`.
 */
export function parseLachan(record: string, _ctx: ParseContext): NormalizedAlert {
  const doc = parseJsonObject(record);
  const a = newAlert('lachan');
  if (doc.title === undefined) fail('missing_field', 'title is required');
  if (doc.severity === undefined) fail('missing_field', 'severity is required');
  a.title = text(doc, 'title', 512, 1)!;
  a.severity = severity(doc.severity);
  a.sourceSeverity = String(doc.severity);
  const time = text(doc, 'time', 64);
  if (time !== null) {
    const ms = parseIsoTime(time, 'UTC', true);
    if (ms === null || !time.includes('T')) fail('invalid_value', `time "${time}" is not an RFC 3339 date-time with offset`);
    a.eventTime = toIso(ms);
  }
  a.sourceRef = text(doc, 'sourceRef', 256);
  a.description = text(doc, 'description', 65_536);
  a.vendor = text(doc, 'vendor', 128);
  a.product = text(doc, 'product', 128);
  const rule = object(doc, 'rule');
  a.ruleId = text(rule, 'id', 256, 0, 'rule.');
  a.ruleName = text(rule, 'name', 512, 0, 'rule.');
  const rsit = object(doc, 'rsit');
  if (doc.rsit !== undefined) {
    const r = normaliseRsit(text(rsit, 'class', 64, 1, 'rsit.'), text(rsit, 'type', 64, 0, 'rsit.'));
    if (r.rsitClass === null) fail('invalid_value', `rsit.class "${String(rsit.class)}" is not an RSIT v1003 class`);
    if (rsit.type !== undefined && r.rsitType === null) fail('invalid_value', `rsit.type "${String(rsit.type)}" is not an RSIT v1003 type`);
    a.rsitClass = r.rsitClass;
    a.rsitType = r.rsitType;
  }
  a.attackTechniques = list(doc, 'attack', 50).map((t, i) => {
    if (typeof t !== 'string' || !/^T[0-9]{4}(\.[0-9]{3})?$/.test(t)) fail('invalid_value', `attack[${i}] is not an ATT&CK technique id (T1234 or T1234.567)`);
    return t;
  });
  const src = object(doc, 'src');
  const dst = object(doc, 'dst');
  a.srcIp = address(src, 'src.ip');
  a.srcPort = portOf(src, 'src.port');
  a.dstIp = address(dst, 'dst.ip');
  a.dstPort = portOf(dst, 'dst.port');
  a.protocol = text(doc, 'protocol', 32);
  const asset = object(doc, 'asset');
  a.assetHostname = text(asset, 'hostname', 255, 0, 'asset.');
  a.assetIp = address(asset, 'asset.ip');
  a.tags = list(doc, 'tags', 50).map((t, i) => {
    if (typeof t !== 'string' || t.length > 64) fail('invalid_value', `tags[${i}] must be a string of at most 64 characters`);
    return t;
  });
  // The addresses are observables too, as in every other format, so indicators and campaigns see them.
  const obs = observables(doc);
  obs.addIp(a.srcIp, 'src');
  obs.addIp(a.dstIp, 'dst');
  return finishAlert(a, obs, 'Lachan alert');
}

function text(o: JsonObject, key: string, max: number, min = 0, prefix = ''): string | null {
  const v = o[key];
  if (v === undefined) return null;
  if (typeof v !== 'string') fail('invalid_value', `${prefix}${key} must be a string`);
  if (v.length > max || v.length < min) fail('invalid_value', `${prefix}${key} must have ${min}–${max} characters`);
  return v;
}

function object(o: JsonObject, key: string): JsonObject {
  const v = o[key];
  if (v === undefined) return {};
  if (!isObject(v)) fail('invalid_value', `${key} must be an object`);
  return v;
}

function list(o: JsonObject, key: string, max: number): unknown[] {
  const v = o[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) fail('invalid_value', `${key} must be an array`);
  if (v.length > max) fail('invalid_value', `${key} has ${v.length} items, at most ${max} allowed`);
  return v;
}

function severity(v: unknown): SeverityLevel {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 4) return v as SeverityLevel;
  const i = typeof v === 'string' ? (SEVERITIES as readonly string[]).indexOf(v) : -1;
  if (i < 0) fail('invalid_value', `severity must be one of ${SEVERITIES.join(', ')} or an integer 1–4`);
  return (i + 1) as SeverityLevel;
}

function address(o: JsonObject, path: string): string | null {
  const v = o.ip;
  if (v === undefined) return null;
  const ip = typeof v === 'string' ? normaliseIp(v) : null;
  if (ip === null) fail('invalid_value', `${path} is not a valid IP address`);
  return ip.value;
}

function portOf(o: JsonObject, path: string): number | null {
  const v = o.port;
  if (v === undefined) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 65535) fail('invalid_value', `${path} must be an integer 0–65535`);
  return v;
}

const ROLES = new Set(['src', 'dst', 'related']);

function observables(doc: JsonObject): ObservableSet {
  const obs = new ObservableSet();
  list(doc, 'observables', 200).forEach((o, i) => {
    if (!isObject(o)) fail('invalid_value', `observables[${i}] must be an object`);
    const type = o.type;
    if (typeof type !== 'string' || !(OBSERVABLE_TYPES as readonly string[]).includes(type)) fail('invalid_value', `observables[${i}].type must be one of ${OBSERVABLE_TYPES.join(', ')}`);
    if (typeof o.value !== 'string' || o.value.length < 1 || o.value.length > 2048) fail('invalid_value', `observables[${i}].value must be a string of 1–2048 characters`);
    if (o.role !== undefined && (typeof o.role !== 'string' || !ROLES.has(o.role))) fail('invalid_value', `observables[${i}].role must be src, dst or related`);
    if (normaliseObservable(type as ObservableType, o.value) === null) fail('invalid_value', `observables[${i}].value is not a valid ${type}`);
    obs.add(type as ObservableType, o.value, o.role as ObservableRole | undefined);
  });
  return obs;
}
