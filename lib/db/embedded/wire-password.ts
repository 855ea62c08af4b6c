import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { errorResponse, startupParameter } from "./wire-messages";
import type { WireClient } from "./wire-client";

/**
 * PostgreSQL's md5 method (the password never crosses the socket): PGlite itself checks none, and 127.0.0.1 is
 * reachable by every process and user on the machine.
 */

/** Asks the client for its password (AuthenticationMD5Password with a fresh salt); it is answered once that is right. */
export function askPassword(client: WireClient, startup: Uint8Array): void {
  client.started = true;
  client.pending = { user: startupParameter(startup, "user") ?? "", salt: randomBytes(4) };
  const request = Buffer.alloc(13);
  request.write("R", 0);
  request.writeInt32BE(12, 1);
  request.writeInt32BE(5, 5); // AuthenticationMD5Password
  client.pending.salt.copy(request, 9);
  client.socket.write(request);
}

/** "md5" + md5(md5(password + user) + salt), compared in constant time. */
export function passwordMatches(client: WireClient, password: string, body: Buffer): boolean {
  const { user, salt } = client.pending!;
  const md5 = (data: Buffer | string) => createHash("md5").update(data).digest("hex");
  const expected = Buffer.from(`md5${md5(Buffer.concat([Buffer.from(md5(password + user)), salt]))}\0`);
  return body.length === expected.length && timingSafeEqual(body, expected);
}

export function refusePassword(client: WireClient): void {
  const user = client.pending?.user ?? "";
  client.pending = null;
  client.closed = true;
  client.socket.end(errorResponse("FATAL", "28P01", `password authentication failed for user "${user}"`));
}
