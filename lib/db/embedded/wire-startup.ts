import type { PGlite } from "@electric-sql/pglite";
import type { WireClient } from "./wire-client";
import { readyForQuery, withBackendKey } from "./wire-messages";

/**
 * A new connection's startup is answered at once, never behind the session: a health check, or the broker
 * connecting while a long web transaction holds the session, connects at once, and only its queries wait.
 * PGlite's own answer to a StartupMessage is the same for every client whatever it asks for (it applies none of
 * the startup parameters: application_name, TimeZone … stay the session's) — AuthenticationOk, the
 * ParameterStatus list, BackendKeyData — so it is read once, when the server starts, and given to each client
 * with its own BackendKeyData and ReadyForQuery idle (a new client has no transaction; PGlite's would say the
 * session's). The ParameterStatus values are the server's at start: a client that SETs one for the whole session
 * (nothing here does) changes it for everyone without the clients that connect later hearing of it.
 */
export async function readStartupAnswer(db: PGlite): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const onRawData = (data: Uint8Array) => void chunks.push(Buffer.from(data));
  await db.runExclusive(() => db.execProtocolRawStream(startupMessage({ user: "postgres", database: "postgres" }), { onRawData }));
  const answer = Buffer.concat(chunks);
  // Everything before its ReadyForQuery (the last message).
  let end = 0;
  for (let i = 0; i + 5 <= answer.length; i += 1 + answer.readInt32BE(i + 1)) if (answer[i] !== 0x5a) end = i + 1 + answer.readInt32BE(i + 1);
  return answer.subarray(0, end);
}

/** Answers a client's StartupMessage (after its password, when one is asked for). */
export function answerStartup(client: WireClient, answer: Buffer): void {
  client.socket.write(Buffer.concat([withBackendKey(answer, client.id, client.secret), readyForQuery("I")]));
}

function startupMessage(parameters: Record<string, string>): Uint8Array {
  const pairs = Object.entries(parameters).map(([name, value]) => `${name}\0${value}\0`);
  const body = Buffer.concat([Buffer.from([0, 3, 0, 0]), Buffer.from(`${pairs.join("")}\0`)]);
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return new Uint8Array(Buffer.concat([length, body]));
}
