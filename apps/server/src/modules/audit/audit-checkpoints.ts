import { appendFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { AuditHead } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import { conflict } from '../../core/errors.ts';
import { PeriodicTask } from '../../common/periodic-task.ts';
import { auditRepository, type ChainHead } from './audit.repository.ts';
import type { AuditSigner } from './audit-signing.ts';

/**
 * Why the head must not be signed, or null: it must extend the newest checkpoint (that link still there
 * with its hash), so that a truncated or rewritten tail is never blessed by a fresh signature.
 */
async function refusal(db: Kysely<DB>, head: ChainHead): Promise<string | null> {
  const latest = await auditRepository.latestCheckpoint(db);
  if (!latest) return null;
  const ok = BigInt(head.lastId) >= BigInt(latest.last_id) && (await auditRepository.hashAt(db, latest.last_id)) === latest.hash;
  return ok ? null : `the audit chain no longer extends checkpoint ${latest.id} (link ${latest.last_id}); not signing its head: run \`lachan audit verify\``;
}

/** The current chain head, signed now (`GET /api/v1/audit/head`, `lachan audit head`); 409 when it must not be signed. */
export async function signedHead(db: Kysely<DB>, signer: AuditSigner): Promise<AuditHead> {
  const head = await auditRepository.head(db);
  const refused = await refusal(db, head);
  if (refused) throw conflict(refused);
  return signer.sign({ lastId: head.lastId, hash: head.hash, at: new Date().toISOString() });
}

/**
 * Writes a signed checkpoint of the chain head every `everySeconds` when the head moved, and once more at
 * shutdown: into `audit_checkpoints`, and as one JSON line into `file` when configured (a place outside
 * the database, ideally append-only or on another machine, that `audit verify --against` reads).
 */
export class AuditCheckpoints {
  readonly task: PeriodicTask;
  #db: Kysely<DB>;
  #signer: AuditSigner;
  #file: string | null;
  #warn: (message: string) => void;
  #written: AuditHead | null = null;

  constructor(db: Kysely<DB>, signer: AuditSigner, opts: { everySeconds: number; file: string | null; warn: (message: string) => void }) {
    this.#db = db;
    this.#signer = signer;
    this.#file = opts.file;
    this.#warn = opts.warn;
    this.task = new PeriodicTask(Math.max(1, opts.everySeconds) * 1000, async () => ((await this.#checkpoint()) ? 1 : 0));
  }

  /** One checkpoint now unless the newest one already covers the head; returns what it wrote. */
  async checkpoint(): Promise<AuditHead | null> {
    return (await this.task.run()) ? this.#written : null;
  }

  /** Stops the timer and writes the shutdown checkpoint. */
  async stop(): Promise<void> {
    await this.task.stop();
    await this.checkpoint();
  }

  async #checkpoint(): Promise<boolean> {
    const [head, latest] = await Promise.all([auditRepository.head(this.#db), auditRepository.latestCheckpoint(this.#db)]);
    if (head.lastId === '0' || latest?.last_id === head.lastId) return false;
    const refused = await refusal(this.#db, head);
    if (refused) {
      this.#warn(refused);
      return false;
    }
    const signed = this.#signer.sign({ lastId: head.lastId, hash: head.hash, at: new Date().toISOString() });
    await auditRepository.insertCheckpoint(this.#db, { last_id: signed.lastId, hash: signed.hash, at: new Date(signed.at), key_id: signed.keyId, signature: signed.signature });
    if (this.#file) appendFileSync(this.#file, `${JSON.stringify(signed)}\n`, { mode: 0o600 });
    this.#written = signed;
    return true;
  }
}
