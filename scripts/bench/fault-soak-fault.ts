/**
 * One fault of the soak (fault-soak.ts) under the boards' load, and what reached the database: waits until the
 * records match the boards' ground truth (or stop changing), then adds the fault's row (fault-soak-records.ts).
 */
import type { SoakBroker } from "./fault-soak-broker";
import type { SoakBoards, SoakLoad } from "./fault-soak-boards";
import type { SoakRecords } from "./fault-soak-found";
import { difference, only, sameMultiset, unansweredNote, type Row } from "./fault-soak-records";
import { log, sleep } from "./fault-soak-time";
import { summarize } from "./stats";

/** Records unchanged this long, with nothing left on the boards or in the spool: settled short of the truth. */
const STABLE_MS = 15_000;

export type FaultOutcome = { extraSent?: string; note?: string } | void;

export interface FaultParts {
  broker: SoakBroker;
  fleet: SoakBoards;
  records: SoakRecords;
  rows: Row[];
  /** How long a fault's records may take to reach the database before the row says so. */
  drainLimitMs: number;
}

/** `fault(name, during)`: runs `during` under load, measures, and pushes the row. */
export function faultRunner({ broker, fleet, records, rows, drainLimitMs }: FaultParts) {
  const { boards } = fleet;
  return async function fault(name: string, during: (running: SoakLoad) => Promise<FaultOutcome>): Promise<void> {
    log(`— ${name}`);
    // The fault's own uses: started from now on (a record of an earlier fault drained late carries its own start).
    const since = new Date(Date.now() - 1_000);
    fleet.resetTally();
    const running = fleet.load();
    await sleep(3_000);
    let outcome: FaultOutcome;
    try {
      outcome = await during(running);
    } catch (error) {
      outcome = { note: `fault script failed: ${(error as Error).message}` };
    } finally {
      await running.stop();
    }
    const tally = fleet.tally();
    // Drained: no board holds a message and the database holds what the boards reported; short of that, settled:
    // nothing left on the boards or in the broker's spool and the records stopped changing for STABLE_MS.
    const cleared = Date.now();
    let found: string[] = [];
    let drainedAt = 0;
    let settled = false;
    let lastChange = Date.now();
    let lastCount = -1;
    while (Date.now() - cleared < drainLimitMs) {
      found = await records.foundSince(since);
      const boardsEmpty = boards.every((b) => b.buffer.size === 0 && b.link.connected);
      if (found.length !== lastCount) {
        lastCount = found.length;
        lastChange = Date.now();
      }
      if (boardsEmpty && sameMultiset(found, tally.expected)) {
        drainedAt = Date.now();
        break;
      }
      if (boardsEmpty && broker.spooledUses() === 0 && Date.now() - lastChange > STABLE_MS) {
        drainedAt = lastChange;
        settled = true;
        break;
      }
      await sleep(250);
    }
    // A little longer: a late duplicate would show up now.
    await sleep(2_000);
    found = await records.foundSince(since);
    // A session still open is a use whose stop has not reached the database yet (spooled), or a phantom if it stays.
    const open = found.filter((k) => k.endsWith(":open")).length;
    const { missing, extra } = difference(tally.expected, found);
    if (drainedAt === 0 || missing > 0 || extra > 0) {
      log(`not as expected: missing ${JSON.stringify(only(tally.expected, found))}, extra ${JSON.stringify(only(found, tally.expected))}`);
      for (const row of await records.describe(since, only(found, tally.expected))) log(`extra: ${JSON.stringify(row)}`);
      log(
        `boards: buffered ${boards.map((b) => b.buffer.size).join(",")}, connected ${boards.filter((b) => b.link.connected).length}/${boards.length}; usage events in the spool ${broker.spooledUses()}`,
      );
      for (const line of broker.brokerLines.filter((l) => /"level":(40|50|60)/.test(l)).slice(-3)) log(line.slice(0, 250));
    }
    const lat = summarize(tally.ms);
    rows.push({
      fault: name,
      offline: tally.offline,
      sent: tally.sent,
      replies: tally.replies,
      extraSent: outcome?.extraSent ?? "",
      expected: tally.expected.length,
      found: found.length,
      missing,
      extra: extra - open,
      open,
      spooled: broker.spooledUses(),
      drainS: drainedAt === 0 ? `>${drainLimitMs / 1000}` : `${((drainedAt - cleared) / 1000).toFixed(1)}${settled ? " (settled short)" : ""}`,
      p99: Number.isFinite(lat.p99) ? `${lat.p99.toFixed(0)} ms` : "–",
      note: [outcome?.note, unansweredNote(tally.unanswered), `broker exits ${broker.supervisor.snapshot().broker?.totalCrashes ?? 0}`]
        .filter(Boolean)
        .join("; "),
    });
    log(JSON.stringify(rows.at(-1)));
  };
}
