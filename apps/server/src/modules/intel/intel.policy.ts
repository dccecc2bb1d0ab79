import { hasPermission, type Tlp } from '@lachan/contracts';
import { tlpRank } from '@lachan/stix';
import type { RequestContext } from '../../core/context.ts';

/** What a caller may do with one collection, from its role and the collection's grants. */
export interface CollectionAccess {
  canRead: boolean;
  canWrite: boolean;
}

/**
 * Read and write rights on a collection: the role must carry intel.read / intel.write, and the
 * caller's organisation must hold the matching grant; the national centre reaches every collection.
 */
export function collectionAccess(ctx: RequestContext, grants: ReadonlyArray<{ org_id: string; can_read: boolean; can_write: boolean }>): CollectionAccess {
  const grant = grants.find((g) => g.org_id === ctx.actor.orgId);
  return {
    canRead: hasPermission(ctx.actor.role, 'intel.read') && (ctx.scope.all || grant?.can_read === true),
    canWrite: hasPermission(ctx.actor.role, 'intel.write') && (ctx.scope.all || grant?.can_write === true),
  };
}

/** A collection the caller can neither read nor write is not shown at all (404, never 403). */
export const isVisible = (a: CollectionAccess): boolean => a.canRead || a.canWrite;

/** Whether an object of this TLP may enter a collection with this ceiling (unmarked objects may). */
export function fitsCeiling(tlp: Tlp | null, ceiling: Tlp): boolean {
  return tlp === null || tlpRank(tlp) <= tlpRank(ceiling);
}

/** CLEAR, GREEN and unmarked indicators reach every intel reader; AMBER and RED only those who reach the owner. */
export function canSeeIndicator(ctx: RequestContext, tlp: Tlp | null, ownerOrgId: string | null): boolean {
  return !tlp || tlpRank(tlp) < tlpRank('AMBER') || ctx.scope.all || (ownerOrgId !== null && ctx.scope.read.has(ownerOrgId));
}

/** Who may see one STIX object: an intel reader, by the same TLP rule as indicators. */
export function mayReadObject(ctx: RequestContext, o: { tlp: string | null; ownerOrgId: string | null }): boolean {
  return hasPermission(ctx.actor.role, 'intel.read') && canSeeIndicator(ctx, o.tlp as Tlp | null, o.ownerOrgId);
}

/**
 * The highest TLP a reader may see of an object owned by `ownerOrgId` in the knowledge base, the
 * exports and indicator status: all of it for the centre and for whoever reaches the owner, else what
 * is marked GREEN or lower (the same rule as {@link canSeeIndicator}, applied to each marked part).
 */
export function readerCeiling(ctx: RequestContext, ownerOrgId: string | null): Tlp {
  return ctx.scope.all || (ownerOrgId !== null && ctx.scope.read.has(ownerOrgId)) ? 'RED' : 'GREEN';
}

/**
 * The highest TLP a reader may see of an object in a TAXII collection: the collection's ceiling (its
 * readers were granted what it may hold), or all of it for the centre and whoever reaches the owner.
 */
export function collectionReaderCeiling(ctx: RequestContext, ownerOrgId: string | null, collectionCeiling: Tlp): Tlp {
  return readerCeiling(ctx, ownerOrgId) === 'RED' ? 'RED' : collectionCeiling;
}

/** Who is storing STIX objects: the organisation, and whether it may issue versions of others' objects. */
export interface StixWriter {
  orgId: string;
  mayVersionOthers: boolean;
  /** The exercise the writer plays, when it writes in one: what it stores is the exercise's, never real knowledge. */
  exerciseId?: string | null;
}

/**
 * The writer a caller is: only the national centre with intel.manage versions other organisations'
 * objects (connector keys never hold intel.manage). Feeds are not callers: they write as their owning
 * organisation and never version others' objects, whoever registered or runs them.
 */
export function writerOf(ctx: RequestContext): StixWriter {
  return { orgId: ctx.actor.orgId, mayVersionOthers: hasPermission(ctx.actor.role, 'intel.manage') && ctx.scope.all };
}

/**
 * Whether a writer may store a version of (or remove from a collection) an object whose recorded owner
 * is `ownerOrgId`: its owner may, and the centre acting on anyone's; an object recorded without an
 * owner (stored before owners were kept, by the platform itself) only the centre.
 */
export function mayVersionObject(writer: StixWriter, ownerOrgId: string | null): boolean {
  return writer.mayVersionOthers || (ownerOrgId !== null && ownerOrgId === writer.orgId);
}

/** Administering collections (titles, TLP ceilings, grants) is the national centre's task. */
export const mayAdministerCollections = (ctx: RequestContext): boolean => hasPermission(ctx.actor.role, 'intel.manage') && ctx.scope.all;
