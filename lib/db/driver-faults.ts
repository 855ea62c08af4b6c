/**
 * postgres.js (3.4.x) may throw outside any promise when a connection closes just after a query was queued on it:
 * its deferred write runs on the socket it has already dropped (`socket.write` on null, from `nextWrite`). The query
 * itself fails through its promise as usual, so the process loses nothing by going on; dying here would take every
 * board down the moment the database drops.
 */
export function isDriverWriteAfterClose(error: unknown): boolean {
  // A TypeError, or its copy sent from a test worker (name, message and stack kept).
  if (!(error instanceof TypeError) && (error as { name?: unknown } | null)?.name !== "TypeError") return false;
  const { message = "", stack = "" } = error as { message?: string; stack?: string };
  return /reading 'write'/.test(message) && /\bnextWrite\b/.test(stack) && /[\\/]postgres[\\/]/.test(stack);
}

export interface UncaughtLogger {
  warn(details: object, message: string): void;
  fatal(details: object, message: string): void;
}

/** For process.on("uncaughtException"): the driver's known fault is logged and survived; anything else ends the process (its supervisor restarts it). */
export function handleUncaught(error: unknown, logger: UncaughtLogger, exit: (code: number) => void): void {
  if (isDriverWriteAfterClose(error)) {
    logger.warn({ err: error }, "database connection closed under a queued write (driver fault, survived)");
    return;
  }
  logger.fatal({ err: error }, "uncaught exception");
  exit(1);
}
