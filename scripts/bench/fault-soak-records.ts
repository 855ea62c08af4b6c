/**
 * The soak's accounting (`npm run soak`, fault-soak.ts): the boards' ground truth against the records found, one
 * row per fault, and the table printed at the end. Records are compared as multisets of "machine:card:duration".
 */
import { loadLine } from "./stats";

export interface Row {
  fault: string;
  /** Requests made while the board was offline (not published, as the firmware). */
  offline: number;
  sent: number;
  replies: number;
  extraSent: string;
  expected: number;
  found: number;
  missing: number;
  /** Closed records no board reported (duplicates). */
  extra: number;
  /** Sessions still open: their stop still spooled, or phantoms. */
  open: number;
  spooled: number;
  drainS: string;
  p99: string;
  note: string;
}

/** A use as the boards and the database both tell it: which machine, which card, how long (open: still running). */
export function key(machineId: number, uid: string, duration: number | null): string {
  return `${machineId}:${uid}:${duration ?? "open"}`;
}

export function difference(expected: string[], found: string[]): { missing: number; extra: number } {
  const left = new Map<string, number>();
  for (const k of expected) left.set(k, (left.get(k) ?? 0) + 1);
  let extra = 0;
  for (const k of found) {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else extra++;
  }
  return { missing: [...left.values()].reduce((a, b) => a + b, 0), extra };
}

/** The keys of `a` not matched in `b` (with their counts). */
export function only(a: string[], b: string[]): Record<string, number> {
  const left = new Map<string, number>();
  for (const k of b) left.set(k, (left.get(k) ?? 0) + 1);
  const out: Record<string, number> = {};
  for (const k of a) {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export function sameMultiset(a: string[], b: string[]): boolean {
  const { missing, extra } = difference(a, b);
  return missing === 0 && extra === 0;
}

export function skipped(fault: string, note: string): Row {
  return {
    fault,
    offline: 0,
    sent: 0,
    replies: 0,
    extraSent: "",
    expected: 0,
    found: 0,
    missing: 0,
    extra: 0,
    open: 0,
    spooled: 0,
    drainS: "–",
    p99: "–",
    note: `skipped: ${note}`,
  };
}

export function printTable(rows: Row[], title: string): void {
  console.log(`\n${title}; ${loadLine()}`);
  const head = [
    "fault",
    "sent",
    "not sent (board offline)",
    "replies",
    "also sent",
    "records expected",
    "found",
    "missing",
    "extra (closed)",
    "still open",
    "usage events still in the spool",
    "drain s",
    "reply p99",
    "note",
  ];
  console.log(`| ${head.join(" | ")} |\n|${head.map(() => "---").join("|")}|`);
  for (const r of rows)
    console.log(
      `| ${[r.fault, r.sent, r.offline, r.replies, r.extraSent, r.expected, r.found, r.missing, r.extra, r.open, r.spooled, r.drainS, r.p99, r.note].join(" | ")} |`,
    );
}

/** "no reply: stopuse 41, startuse 40", most first; empty when every request sent was answered. */
export function unansweredNote(unanswered: Record<string, number>): string {
  const counts = Object.entries(unanswered).sort(([, a], [, b]) => b - a);
  return counts.length === 0 ? "" : `no reply: ${counts.map(([action, n]) => `${action} ${n}`).join(", ")}`;
}
