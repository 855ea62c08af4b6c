import type { WireClient } from "./wire-client";
import { errorResponse, readyForQuery } from "./wire-messages";
import type { WireSession } from "./wire-session";

/**
 * A CancelRequest. A statement still waiting for the session is dropped and its client answered 57014, as
 * PostgreSQL answers a cancelled one. One that runs cannot be stopped (PGlite runs it to its end inside this
 * thread: the request is only read once it has finished), and a client inside its transaction between
 * statements has nothing running — in both cases nothing happens, as in PostgreSQL when the statement is done.
 */
export function cancelWaiting(session: WireSession, target: WireClient): void {
  const { queue } = session;
  if (target === session.holder || session.current?.client === target) return;
  const index = queue.findIndex((b) => b.client === target);
  if (index < 0) return;
  const [batch] = queue.splice(index, 1);
  target.socket.write(errorResponse("ERROR", "57014", "canceling statement due to user request"));
  if (batch!.endsCycle) return void target.socket.write(readyForQuery("I"));
  // Cancelled after Flush: as after any error, the rest up to the client's Sync is skipped and the Sync answered.
  for (let i = index; i < queue.length;) {
    if (queue[i]!.client !== target) {
      i++;
      continue;
    }
    const [rest] = queue.splice(i, 1);
    if (rest!.endsCycle) return void target.socket.write(readyForQuery("I"));
  }
  target.discardUntilSync = true;
}
