import { isIdentifier, isTypeName } from './identifier.ts';
import { checkCommon, isPlainObject } from './validate-common.ts';
import { checkTypeRules } from './validate-types.ts';
import { kindOf } from './vocab.ts';

/**
 * Validate one STIX 2.1 object: common properties for its kind, then the rules of its type.
 * Returns readable error messages (empty when valid); never throws on bad input.
 */
export function validateObject(value: unknown): string[] {
  const errors: string[] = [];
  if (!isPlainObject(value)) return ['a STIX object must be a JSON object'];
  if (!isTypeName(value.type)) return [`type must be a lower-case type name, got ${JSON.stringify(value.type)}`];
  const type = value.type;
  const kind = kindOf(type);
  if (kind === null) return [`type "${type}" is not a STIX 2.1 type (custom types start with x-)`];
  const report = (message: string): void => void errors.push(message);
  if (!isIdentifier(value.id, type)) report(`id must be "${type}--<uuid>", got ${JSON.stringify(value.id)}`);
  checkCommon(value, kind, report);
  checkTypeRules(value, report);
  return errors;
}

/** Validate a bundle envelope and each object inside it; messages name the failing object. */
export function validateBundle(value: unknown): string[] {
  if (!isPlainObject(value) || value.type !== 'bundle') return ['a bundle must be an object with type "bundle"'];
  const errors: string[] = [];
  if (!isIdentifier(value.id, 'bundle')) errors.push(`bundle id must be "bundle--<uuid>", got ${JSON.stringify(value.id)}`);
  if (!Array.isArray(value.objects)) return [...errors, 'bundle objects must be a list'];
  value.objects.forEach((o: unknown, i) => {
    const label = isPlainObject(o) && typeof o.id === 'string' ? o.id : `objects[${i}]`;
    for (const e of validateObject(o)) errors.push(`${label}: ${e}`);
  });
  return errors;
}
