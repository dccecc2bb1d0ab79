import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { AuthParts } from './auth-parts.ts';
import { AppError } from '../../core/errors.ts';
import { throttleRepository } from './throttle.repository.ts';
import { keysOf, limitOf, refusingBlock, retryAfterSeconds, throttleAddress, type ActiveBlock } from './throttle-rules.ts';
import { sha256 } from './secrets.ts';

/** One credential attempt: where from, on which account (lower-case e-mail), by which user and browser. */
export interface Attempt {
  ip: string | null;
  account: string | null;
  userId?: string | null;
  deviceToken?: string | null;
}

const PRUNE_EVERY_MS = 60_000;
const REMEMBER_EVERY_MS = 3_600_000;
const MEMORY_ENTRIES = 10_000;

const MESSAGES: Record<ActiveBlock['scope'], string> = {
  address: 'too many failed sign-in attempts from your address',
  account_address: 'too many failed sign-in attempts on this account from your address',
  account: 'too many failed sign-in attempts on this account; only browsers and addresses it signed in from before may try now',
};

function tooMany(block: ActiveBlock, now: Date): AppError {
  const seconds = retryAfterSeconds(block.blockedUntil, now);
  return new AppError(429, 'too_many_attempts', `${MESSAGES[block.scope]}; try again in ${Math.ceil(seconds / 60)} min`, { retryAfterSeconds: seconds }, { 'retry-after': String(seconds) });
}

/**
 * Counts failed credential attempts in the database, which every server process shares
 * (docs/adr/0008): per address across accounts, per account from one address, and per account
 * overall for clients the account does not know. Nothing here locks an account for everyone.
 */
export class SignInThrottle {
  #p: Pick<AuthParts, 'db' | 'config'>;
  /** Addresses this process saw blocked, so a flood of bad API keys costs no database work. */
  #blockedAddresses = new Map<string, Date>();
  #remembered = new Map<string, number>();
  #prunedAt = 0;

  constructor(parts: Pick<AuthParts, 'db' | 'config'>) {
    this.#p = parts;
  }

  get #windowSeconds(): number {
    return this.#p.config.signInThrottle.windowMinutes * 60;
  }

  /**
   * Refuses (429 with Retry-After) an attempt a block covers; call it before checking the credential.
   * Tells whether the account has failures from this address to forget when the attempt succeeds.
   */
  async guard(a: Attempt): Promise<{ counted: boolean }> {
    const address = throttleAddress(a.ip);
    const { counters, now } = await throttleRepository.read(this.#p.db, keysOf(address, a.account));
    const blocks = counters.flatMap((c) => (c.blockedUntil ? [{ scope: c.scope, blockedUntil: c.blockedUntil }] : []));
    const accountWide = blocks.some((b) => b.scope === 'account');
    const familiar = accountWide && a.userId ? await throttleRepository.familiar(this.#p.db, a.userId, address, a.deviceToken ? sha256(a.deviceToken) : null) : false;
    const block = refusingBlock(blocks, familiar);
    if (!block) return { counted: counters.some((c) => c.scope === 'account_address') };
    if (block.scope === 'address') this.#noteBlocked(address, block.blockedUntil);
    throw tooMany(block, now);
  }

  #noteBlocked(address: string, until: Date): void {
    if (this.#blockedAddresses.size >= MEMORY_ENTRIES) this.#blockedAddresses.clear();
    this.#blockedAddresses.set(address, until);
  }

  /** The cheap check of the API-key path: whether this process already knows the address is blocked. */
  refuseIfKnownBlocked(ip: string | null): void {
    const address = throttleAddress(ip);
    const until = this.#blockedAddresses.get(address);
    if (!until) return;
    if (until > new Date()) throw tooMany({ scope: 'address', blockedUntil: until }, new Date());
    this.#blockedAddresses.delete(address);
  }

  /**
   * Counts a failed attempt on every counter it touches, inside the caller's transaction. Returns the
   * error to answer when this failure started a block, else null (the caller answers 401 or 400).
   */
  async failed(tx: Kysely<DB>, a: Attempt): Promise<AppError | null> {
    const address = throttleAddress(a.ip);
    const config = this.#p.config.signInThrottle;
    let started: ActiveBlock | null = null;
    for (const key of keysOf(address, a.account)) {
      const until = await throttleRepository.fail(tx, key, limitOf(key.scope, config), this.#windowSeconds);
      // the account-wide block does not stop this client if the account knows it; the next guard decides
      if (until && key.scope !== 'account' && (!started || until > started.blockedUntil)) started = { scope: key.scope, blockedUntil: until };
    }
    if (Date.now() - this.#prunedAt > PRUNE_EVERY_MS) {
      this.#prunedAt = Date.now();
      await throttleRepository.prune(tx, this.#windowSeconds);
    }
    if (!started) return null;
    if (started.scope === 'address') this.#noteBlocked(address, started.blockedUntil);
    return tooMany(started, new Date());
  }

  /**
   * A completed sign-in: the account starts afresh from this address (when `counted` by the guard),
   * and knows this address and browser from now on.
   */
  async succeeded(a: Attempt & { userId: string }, counted: boolean): Promise<void> {
    const address = throttleAddress(a.ip);
    if (a.account && counted) await throttleRepository.clear(this.#p.db, { scope: 'account_address', account: a.account, address });
    await this.remember(a.userId, 'address', address);
    if (a.deviceToken) await this.remember(a.userId, 'device', sha256(a.deviceToken));
  }

  /** Records a known client, at most hourly per process for the same one (TAXII Basic signs in on every request). */
  async remember(userId: string, kind: 'address' | 'device', value: string): Promise<void> {
    const key = `${userId}|${kind}|${value}`;
    if (Date.now() - (this.#remembered.get(key) ?? 0) < REMEMBER_EVERY_MS) return;
    if (this.#remembered.size >= MEMORY_ENTRIES) this.#remembered.clear();
    this.#remembered.set(key, Date.now());
    await throttleRepository.remember(this.#p.db, userId, kind, value);
  }
}
