/** Messages between the main thread and the PGlite worker. */
export interface WorkerInit {
  dataDir: string | null;
  loadDataDir?: ArrayBuffer;
}

export type WorkerRequest =
  | { id: number; op: 'query'; sql: string; params: readonly unknown[] }
  | { id: number; op: 'exec'; sql: string }
  /** Statements run one after the other in one message; the first error ends the script. */
  | { id: number; op: 'script'; steps: readonly ScriptStep[] }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

/** One statement of a script: parameterised SQL, or a COPY FROM '/dev/blob' with its bytes. */
export interface ScriptStep {
  sql: string;
  params: readonly unknown[];
  blob?: ArrayBuffer;
}

export interface WorkerError {
  message: string;
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
}

export type WorkerResponse =
  | { id: number; ok: true; rows?: unknown[]; affectedRows?: number; dump?: ArrayBuffer; results?: { rows: unknown[]; affectedRows: number }[] }
  | { id: number; ok: false; error: WorkerError };
