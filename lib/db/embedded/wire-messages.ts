/**
 * The few PostgreSQL wire-protocol messages the embedded wire server reads or writes itself (wire-server.ts);
 * everything else passes between the client and PGlite as it is.
 */

/** A backend message: type byte, length (itself included), body. */
function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/** ErrorResponse, as PostgreSQL words it (severity, SQLSTATE, message). */
export function errorResponse(severity: "ERROR" | "FATAL", code: string, text: string): Buffer {
  const fields = [`S${severity}`, `V${severity}`, `C${code}`, `M${text}`].map((f) => Buffer.from(`${f}\0`));
  return message("E", Buffer.concat([...fields, Buffer.from([0])]));
}

/** ReadyForQuery: I idle, T in a transaction, E in a failed transaction. */
export function readyForQuery(status: "I" | "T" | "E"): Buffer {
  return message("Z", Buffer.from(status));
}

/** Close of a named prepared statement, then Sync (a frontend batch PGlite runs like a client's). */
export function closeStatements(names: Iterable<string>): Uint8Array[] {
  const closes = [...names].map((name) => new Uint8Array(message("C", Buffer.from(`S${name}\0`))));
  return [...closes, new Uint8Array(message("S", Buffer.alloc(0)))];
}

/** The name a Parse message gives its statement ("" for the unnamed one). */
export function parsedName(parse: Uint8Array): string {
  const body = Buffer.from(parse.buffer, parse.byteOffset + 5, parse.length - 5);
  return body.toString("utf8", 0, body.indexOf(0));
}

/** The name a Close message closes, when it closes a statement (not a portal). */
export function closedStatement(close: Uint8Array): string | null {
  if (close[5] !== 0x53) return null; // 'S'
  const body = Buffer.from(close.buffer, close.byteOffset + 6, close.length - 6);
  return body.toString("utf8", 0, body.indexOf(0));
}

/** The SQL of a Parse or simple Query message, shortened, for the trace of who holds the session. */
export function statementText(msg: Uint8Array, max = 60): string | null {
  const body = Buffer.from(msg.buffer, msg.byteOffset + 5, msg.length - 5);
  let start = 0;
  if (msg[0] === 0x50)
    start = body.indexOf(0) + 1; // 'P': name, then the query
  else if (msg[0] !== 0x51) return null; // 'Q'
  const end = body.indexOf(0, start);
  return body
    .toString("utf8", start, end < 0 ? body.length : end)
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max);
}

/**
 * The startup answer with the client's own BackendKeyData: PGlite gives every client the same key (one backend),
 * so a CancelRequest could not say whose statement it means.
 */
export function withBackendKey(answer: Buffer, processId: number, secret: number): Buffer {
  for (let i = 0; i + 5 <= answer.length; i += 1 + answer.readInt32BE(i + 1)) {
    if (answer[i] === 0x4b && answer.readInt32BE(i + 1) === 12) {
      const out = Buffer.from(answer);
      out.writeInt32BE(processId, i + 5);
      out.writeInt32BE(secret, i + 9);
      return out;
    }
  }
  return answer;
}

/** A parameter of a StartupMessage (length, protocol, then name\0value\0 pairs ending in \0). */
export function startupParameter(msg: Uint8Array, name: string): string | null {
  const parts = Buffer.from(msg.subarray(8)).toString("utf8").split("\0");
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === name) return parts[i + 1]!;
  return null;
}
