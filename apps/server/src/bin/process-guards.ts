/** Where the guards report (the server's pino logger). */
export interface GuardLog {
  error(details: object, message: string): void;
  fatal(details: object, message: string): void;
}

/**
 * What the server process does with an error no code handled.
 * - A rejected promise nobody awaited is logged and the process goes on. Every background path
 *   (syslog listeners, ingest, intake runs, periodic tasks) settles its own promises, so such a
 *   rejection is a bug in one task; Node's default, exiting, would turn that bug into losing every
 *   buffered syslog message and every batch in flight, and would let one crafted input stop the
 *   service. The task that failed is lost; the rest of the process state is intact.
 * - An exception thrown with nothing to catch it leaves the stack unwound mid-operation, so state may
 *   be inconsistent: it is logged as fatal and Node's default (exit, then the supervisor restarts) stays.
 * Returns a function that removes the guards (tests).
 */
export function guardProcess(log: GuardLog, proc: NodeJS.Process = process): () => void {
  const onRejection = (reason: unknown) => log.error({ err: reason }, 'unhandled promise rejection: logged, the server keeps running');
  const onException = (err: Error, origin: string) => log.fatal({ err, origin }, 'uncaught exception: the server stops');
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtExceptionMonitor', onException);
  return () => {
    proc.off('unhandledRejection', onRejection);
    proc.off('uncaughtExceptionMonitor', onException);
  };
}
