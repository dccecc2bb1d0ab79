import type { Role } from '@lachan/contracts';
import type { RequestContext } from '../core/context.ts';

/**
 * A caller in a small fixed tree for policy unit tests: a ministry 'm' with unit 'm1'; a foreign
 * province 'p'; SOC provider 's' monitoring 'm1'.
 */
export const policyCtx = (role: Role, org: 'm' | 's' | 'p', type: 'user' | 'apikey' = 'user'): RequestContext => {
  const manage = { m: ['m', 'm1'], s: ['s'], p: ['p'] }[org];
  const read = { m: ['m', 'm1'], s: ['s', 'm1'], p: ['p'] }[org];
  return { actor: { type, id: 'x', name: 'x', orgId: org, role }, scope: { all: role === 'national_coordinator', manage: new Set(manage), read: new Set(read) }, ip: null, requestId: null };
};
