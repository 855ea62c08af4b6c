/**
 * Message counters of one broker instance. Plain numbers, so the heartbeat can store a snapshot as JSON and
 * /api/health can show it; counters only grow (rates are the reader's job).
 */
export class BrokerMetrics {
  /** Publishes from clients on a board request topic (machine/<id>). */
  received = 0;
  /** Replies published. */
  answered = 0;
  /** Requests dropped as malformed (topic, size, JSON, action, fields) and publishes refused by policy. */
  rejected = 0;
  /** Requests that failed inside the backend (database down, a bug): logged, never thrown. */
  failed = 0;
  /** Remote start/stop commands published to boards. */
  commandsSent = 0;
  /** Periodic jobs (command outbox, presence, silent sessions) that failed a round; each retries. */
  jobErrors = 0;
  /** Writes appended to the local spool because the database could not take them. */
  spooled = 0;
  /** Spooled writes since committed to the database. */
  drained = 0;
  /** Spooled writes the database refused for a reason other than being unavailable (set aside in rejected.jsonl). */
  spoolErrors = 0;
  /** Writes waiting in the spool now. */
  spoolDepth = 0;
  /** 1 while the spool cannot be written (read-only or full DATA_DIR): nothing is kept while the database is away. */
  spoolUnwritable = 0;
  /** 1 while the broker finds the database away (database-health.ts): writes are spooled without waiting on it. */
  databaseDown = 0;
  /** Times the database was found away (each outage once). */
  databaseOutages = 0;
  /** Database calls the broker stopped waiting for (write, probe or drain past its bound). */
  databaseTimeouts = 0;
  /** Statements the broker cancelled when it stopped waiting for them (each sends the database a CancelRequest). */
  databaseCancels = 0;
  /** Board writes spooled only after waiting out their bound (the first to find a silent database away). */
  slowWrites = 0;
  snapshotReloads = 0;
  snapshotErrors = 0;
  /** Scheduled jobs (purge, reminders, weekly mails) run to the end by this instance. */
  scheduledRuns = 0;
  /** Scheduled job attempts that failed (or could not be claimed or recorded); each retries at the next check. */
  scheduledJobErrors = 0;
  /** Publishes and subscriptions refused because the connection is not the machine's paired (or logged-in) board. */
  refusedUnpaired = 0;
  /** CONNECTs refused for a wrong board password, a blocked address or too many verifications at once. */
  refusedLogins = 0;
  /** Connections cut at once because their address already holds too many. */
  refusedConnections = 0;
  /** Boards paired automatically in a machine's pairing window. */
  pairedInWindow = 0;
  /** Pairing requests written for boards that are not paired (at most one per connection a minute). */
  pairingRequests = 0;

  snapshot(): Record<string, number> {
    return {
      received: this.received,
      answered: this.answered,
      rejected: this.rejected,
      failed: this.failed,
      commandsSent: this.commandsSent,
      jobErrors: this.jobErrors,
      spooled: this.spooled,
      drained: this.drained,
      spoolErrors: this.spoolErrors,
      spoolDepth: this.spoolDepth,
      spoolUnwritable: this.spoolUnwritable,
      databaseDown: this.databaseDown,
      databaseOutages: this.databaseOutages,
      databaseTimeouts: this.databaseTimeouts,
      databaseCancels: this.databaseCancels,
      slowWrites: this.slowWrites,
      snapshotReloads: this.snapshotReloads,
      snapshotErrors: this.snapshotErrors,
      scheduledRuns: this.scheduledRuns,
      scheduledJobErrors: this.scheduledJobErrors,
      refusedUnpaired: this.refusedUnpaired,
      refusedLogins: this.refusedLogins,
      refusedConnections: this.refusedConnections,
      pairedInWindow: this.pairedInWindow,
      pairingRequests: this.pairingRequests,
    };
  }
}
