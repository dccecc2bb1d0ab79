import { Type, type Static, type TSchema } from 'typebox';

/** The one error shape of every non-2xx answer (ARCHITECTURE.md §6). */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'stable snake_case code' }),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },

);
export type ErrorBody = Static<typeof ErrorBody>;

/** Error codes the API answers with; the console maps them to messages. */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'payload_too_large',
  'unauthenticated',
  'invalid_credentials',
  'too_many_attempts',
  'second_factor_required',
  'second_factor_enrolment_required',
  'invalid_second_factor',
  'api_key_required',
  'password_too_short',
  'password_contains_email',
  'password_common',
  'password_personal',
  'password_weak',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'overloaded',
  'not_ready',
  'internal_error',
  'oidc_provider_unavailable',
  'oidc_state_invalid',
  'oidc_rejected',
  'oidc_token_invalid',
  'oidc_no_matching_rule',
  'oidc_account_conflict',
  'oidc_account_disabled',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const Uuid = Type.String({ format: 'uuid' });
/**
 * An instant, RFC 3339 with its offset. As a parameter it must pass `isInstant` (dates.ts): the
 * server registers that function as the `date-time` format, so no impossible or far date gets in.
 */
export const Timestamp = Type.String({ format: 'date-time' });
/** A calendar day `YYYY-MM-DD`; as a parameter it must pass `isDay` (registered as the `date` format). */
export const Day = Type.String({ format: 'date' });
export const IdParams = Type.Object({ id: Uuid });
export type IdParams = Static<typeof IdParams>;

/** A nullable value: present in the payload, null when unset. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Traffic Light Protocol 2.0 labels, least to most restrictive. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];
export const TlpSchema = Type.Enum([...TLP_LEVELS]);

/** Wraps a list payload: the items and, when more exist, a cursor for the next page. */
export const ListOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const Ok = Type.Object({ ok: Type.Boolean() });

/**
 * Schema keyword marking an object level of a request body that is open by nature (a raw alert
 * record, a STIX object whose custom properties are legal); its value says why. Every other
 * object level of a body must be closed (`additionalProperties: false`): the server refuses to
 * start otherwise.
 */
export const OPEN_BY_NATURE = 'x-open-by-nature';
