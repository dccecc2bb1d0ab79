import type { Kysely } from 'kysely';
import { withDbPriority, type DB } from '../../db/index.ts';
import { AssetIndex } from './asset-index.ts';

/** The attribution index built from the `assets` table, rebuilt after any asset change. */
export class AssetCache {
  #db: Kysely<DB>;
  #index: AssetIndex | null = null;
  #loading: Promise<AssetIndex> | null = null;

  constructor(db: Kysely<DB>) {
    this.#db = db;
  }

  invalidate(): void {
    this.#index = null;
  }

  async get(): Promise<AssetIndex> {
    if (this.#index) return this.#index;
    // Shared by every waiter (urgent ones too): loaded ahead of bulk work, whoever asked first.
    this.#loading ??= withDbPriority('urgent', () => this.#db.selectFrom('assets').select(['org_id', 'kind', 'value']).execute())
      .then((rows) => (this.#index = new AssetIndex(rows.map((r) => ({ orgId: r.org_id, kind: r.kind as 'cidr', value: r.value })))))
      .finally(() => (this.#loading = null));
    return this.#loading;
  }
}
