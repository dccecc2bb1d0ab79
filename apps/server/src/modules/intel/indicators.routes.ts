import type { FastifyInstance } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { INDICATOR_VALUE_TYPES } from '@lachan/stix';
import { TLP_LEVELS } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { IndicatorsService } from './indicators.service.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const IndicatorStatus = Type.Object({
  id: Type.String(), name: Nullable(Type.String()), tlp: Nullable(Type.Union(TLP_LEVELS.map((t) => Type.Literal(t)))), revoked: Type.Boolean(),
  values: Type.Array(Type.Object({
    type: Type.Union(INDICATOR_VALUE_TYPES.map((t) => Type.Literal(t))), value: Type.String(),
    score: Type.Number({ description: 'Decayed score now (0-100); the latest sighting restarts the decay' }),
    lastSightedAt: Nullable(Type.String()), sightings: Type.Integer(), sightingOrgs: Type.Integer(),
    suppressedBy: Nullable(Type.String({ description: 'Warninglist marking the value as known-benign: it is neither matched nor exported' })),
  })),
});

/** GET /intel/indicators/{id}/status: each value's score, sightings and warninglist suppression. */
export function indicatorsRoutes(api: FastifyInstance, indicators: IndicatorsService): void {
  api.get('/intel/indicators/:id/status', {
    schema: { tags: ['intel'], summary: 'Score, sightings and warninglist reason of each value of an indicator', params: Type.Object({ id: Type.String({ pattern: '^indicator--[0-9a-f-]{36}$' }) }), response: { 200: IndicatorStatus } },
  }, async (req) => indicators.status(ctxOf(req), (req.params as { id: string }).id));
}
