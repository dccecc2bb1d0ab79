import type { RequestContext } from '../../core/context.ts';
import type { AuthParts } from './auth-parts.ts';
import type { OutboxEvent } from '../events/index.ts';
import { concerns, credentialSignal, type Credential } from './credential-signal.ts';
import { contextNow, sameStanding } from './credential-check.ts';

/** How long a request whose credential stopped working may still finish by itself before it is cut. */
export const CUT_GRACE_MS = 1000;
/** How often requests in flight longer than this are re-checked without a signal (expiry, a missed signal). */
export const SWEEP_MS = 15_000;

interface Hold {
  credential: Credential;
  ctx: RequestContext;
  since: number;
  cut: () => void;
  checking: boolean;
}

/**
 * Follows every authenticated request while it is in flight. When the database signals that a
 * credential changed (`credentials.changed`, written by triggers in the same transaction and heard by
 * every server process through the outbox), the requests using it are re-checked; one whose credential
 * no longer works, or now stands for another role or organisation, is cut after CUT_GRACE_MS (a short
 * request has finished by then; an upload or a long export has not). Routes that follow their own
 * credential (the event stream re-scopes instead) are not held.
 */
export class CredentialWatch {
  #p: Pick<AuthParts, 'db' | 'relay' | 'orgTree'>;
  #holds = new Set<Hold>();
  #unsubscribe: (() => void) | null = null;
  #sweep: NodeJS.Timeout | null = null;

  constructor(parts: Pick<AuthParts, 'db' | 'relay' | 'orgTree'>) {
    this.#p = parts;
  }

  start(): void {
    this.#unsubscribe = this.#p.relay.subscribe((events) => this.#heard(events));
    this.#sweep = setInterval(() => {
      const old = Date.now() - SWEEP_MS;
      for (const h of this.#holds) if (h.since < old) void this.#check(h);
    }, SWEEP_MS);
    this.#sweep.unref();
  }

  stop(): void {
    this.#unsubscribe?.();
    if (this.#sweep) clearInterval(this.#sweep);
  }

  /** Follows one request; `cut` ends it. Returns the release to call when its response is over. */
  hold(credential: Credential, ctx: RequestContext, cut: () => void): () => void {
    const h: Hold = { credential, ctx, since: Date.now(), cut, checking: false };
    this.#holds.add(h);
    return () => this.#holds.delete(h);
  }

  get size(): number {
    return this.#holds.size;
  }

  #heard(events: OutboxEvent[]): void {
    for (const e of events) {
      const signal = credentialSignal(e);
      if (!signal) continue;
      // Scopes come from the tree: rebuild it before anyone re-checks (org events do too; SQL by hand may not write them).
      if (signal.orgIds?.length) this.#p.orgTree.invalidate();
      for (const h of this.#holds) if (concerns(h.credential, signal)) void this.#check(h);
    }
  }

  async #check(h: Hold): Promise<void> {
    if (h.checking) return;
    h.checking = true;
    try {
      const now = await contextNow(this.#p, h.credential, h.ctx);
      if (now && sameStanding(now.actor, h.ctx.actor)) return;
      setTimeout(() => {
        if (this.#holds.delete(h)) h.cut();
      }, CUT_GRACE_MS).unref();
    } catch {
      /* the database is unreachable: the next signal or sweep checks again */
    } finally {
      h.checking = false;
    }
  }
}
