import { Type, type Static } from 'typebox';
import { Nullable } from './common.ts';

/** A provincial-level unit (Decision 19/2025 code), with the former units it was formed from. */
export const Province = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9]{2}$' }),
    nameVi: Type.String(),
    nameEn: Type.String(),
    type: Type.Enum(['province', 'city']),
    formedFrom: Type.Array(Type.String()),
    seat: Nullable(Type.String()),
    displayOrder: Type.Integer(),
  },

);
export type Province = Static<typeof Province>;

/** A sector of the economy or state (data: new sectors are added through the API). */
export const Sector = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,39}$' }),
    nameVi: Type.String({ minLength: 1 }),
    nameEn: Type.String({ minLength: 1 }),
    statutory: Type.Boolean({ description: 'named in Law 24/2018 Art. 10' }),
    active: Type.Boolean(),
  },

);
export type Sector = Static<typeof Sector>;

export const SectorCreate = Type.Object({
  code: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,39}$' }),
  nameVi: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  statutory: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type SectorCreate = Static<typeof SectorCreate>;

export const SectorPatch = Type.Partial(
  Type.Object({
    nameVi: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    statutory: Type.Boolean(),
    active: Type.Boolean(),
  }, { additionalProperties: false }), { additionalProperties: false },
);
export type SectorPatch = Static<typeof SectorPatch>;
