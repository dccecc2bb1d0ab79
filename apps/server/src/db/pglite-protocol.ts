/** Messages between the main thread and the PGlite worker. */
export interface WorkerInit {
  dataDir: string | null;
  loadDataDir?: ArrayBuffer;
}

export type WorkerRequest =
  | { id: number; op: 'query'; sql: string; params: readonly unknown[]; blob?: ArrayBuffer }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

export interface WorkerError {
  message: string;
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
}

export type WorkerResponse =
  | { id: number; ok: true; rows?: unknown[]; affectedRows?: number; dump?: ArrayBuffer }
  | { id: number; ok: false; error: WorkerError };
