import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local HTTP server speaking the subset of Mailman 3's REST API (3.1) the sync uses, with Mailman's shapes:
 * paged rosters ({ start, total_size, entries }), form-encoded subscriptions (201, 409 when already a member,
 * 400 for an unknown list), DELETE of a member (204, 404), Basic auth (401). It records every request.
 */
export interface FakeMailman {
  url: string;
  lists: Map<string, Map<string, { memberId: string; email: string; displayName: string }>>;
  requests: { method: string; path: string; body: string }[];
  /** Answer the next n requests with 500. */
  failNext(n: number): void;
  close(): Promise<void>;
}

export async function startFakeMailman(options: { user?: string; password?: string; listIds: string[] }): Promise<FakeMailman> {
  const user = options.user ?? "restadmin";
  const password = options.password ?? "restpass";
  const lists = new Map(options.listIds.map((id) => [id, new Map<string, { memberId: string; email: string; displayName: string }>()]));
  const requests: FakeMailman["requests"] = [];
  let failing = 0;
  let base = "";

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = "";
      req.on("data", (c) => (data += c));
      req.on("end", () => resolve(data));
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await read(req);
    const url = new URL(req.url ?? "/", "http://x");
    requests.push({ method: req.method ?? "", path: url.pathname + url.search, body });
    const expected = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    if (req.headers.authorization !== expected) return json(res, 401, { title: "401 Unauthorized", description: "REST API authorization failed" });
    if (failing > 0) {
      failing--;
      return json(res, 500, { title: "500 Internal Server Error" });
    }
    const roster = /^\/3\.1\/lists\/([^/]+)\/roster\/member$/.exec(url.pathname);
    if (req.method === "GET" && roster) {
      const members = lists.get(decodeURIComponent(roster[1]!));
      if (!members) return json(res, 404, { title: "404 Not Found" });
      const all = [...members.values()];
      const count = Number(url.searchParams.get("count") ?? all.length) || all.length || 1;
      const page = Number(url.searchParams.get("page") ?? 1);
      const entries = all.slice((page - 1) * count, page * count).map((m) => ({
        address: `${base}/3.1/addresses/${m.email}`,
        delivery_mode: "regular",
        display_name: m.displayName,
        email: m.email,
        list_id: roster[1],
        member_id: m.memberId,
        role: "member",
        self_link: `${base}/3.1/members/${m.memberId}`,
      }));
      return json(res, 200, { start: (page - 1) * count, total_size: all.length, ...(entries.length ? { entries } : {}) });
    }
    if (req.method === "POST" && url.pathname === "/3.1/members") {
      const form = new URLSearchParams(body);
      const members = lists.get(form.get("list_id") ?? "");
      if (!members) return json(res, 400, { title: "400 Bad Request", description: "No such list" });
      const email = form.get("subscriber") ?? "";
      if ([...members.values()].some((m) => m.email.toLowerCase() === email.toLowerCase()))
        return json(res, 409, { title: "409 Conflict", description: "Member already subscribed" });
      if (!["pre_verified", "pre_confirmed", "pre_approved"].every((k) => form.get(k) === "true"))
        return json(res, 202, { token: "pending", token_owner: "subscriber" });
      const memberId = randomUUID().replace(/-/g, "");
      members.set(memberId, { memberId, email, displayName: form.get("display_name") ?? "" });
      res.writeHead(201, { location: `${base}/3.1/members/${memberId}` });
      return res.end();
    }
    const member = /^\/3\.1\/members\/([^/]+)$/.exec(url.pathname);
    if (req.method === "DELETE" && member) {
      for (const members of lists.values()) if (members.delete(member[1]!)) return res.writeHead(204).end();
      return json(res, 404, { title: "404 Not Found" });
    }
    json(res, 404, { title: "404 Not Found" });
  };
  const server = createServer((req, res) => void handle(req, res).catch((error: unknown) => res.writeHead(500).end(String(error))));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/3.1`,
    lists,
    requests,
    failNext: (n) => (failing = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Puts an address on a list directly (as if subscribed on the list server by hand). */
export function addToFake(fake: FakeMailman, listId: string, email: string): string {
  const memberId = randomUUID().replace(/-/g, "");
  fake.lists.get(listId)!.set(memberId, { memberId, email, displayName: "" });
  return memberId;
}
