import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { schema, type Db } from "@/lib/db/client";
import { getSpaceSettings } from "@/lib/domain/settings/space-settings";
import { LOCALES } from "@/lib/i18n/locales";
import { errorPageLanguages } from "./error-page-languages";
import { spaceLanguages, withErrorShellFallback, type SpaceLanguages } from "./error-shell-fallback";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const shell = '<!DOCTYPE html><html id="__next_error__"><head></head><body></body></html>';
const germanDefault: SpaceLanguages = { offered: LOCALES, fallback: "de" };

/**
 * A "database" that accepts connections and never answers: a hung server. The connect timeout is long, as for a
 * server that answers the handshake and then stalls on the statement (a lock on the settings): no timeout of the
 * connection ends the wait, only the error page's own bound.
 */
async function stalledDatabase(): Promise<Db> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  // As createDb's client, less the array types' query: its failure when the test ends is postgres.js's own
  // unhandled rejection (client.ts), not what this test is about.
  const client = postgres(`postgres://postgres@127.0.0.1:${port}/test`, { max: 1, connect_timeout: 600, fetch_types: false, onnotice: () => {} });
  cleanups.push(async () => {
    await client.end({ timeout: 0 }).catch(() => {});
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return drizzle(client, { schema, casing: "snake_case" });
}

/** The body of a 500 error shell served through the fallback with these languages. */
async function errorPage(languages: () => Promise<SpaceLanguages>): Promise<string> {
  const server = http.createServer((req, res) => {
    withErrorShellFallback(req, res, languages);
    res.statusCode = 500;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(shell);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/page", agent: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}

describe("the error page's languages", () => {
  it("still arrive, in the environment's default, while the database accepts and never answers", { timeout: 30_000 }, async () => {
    const db = await stalledDatabase();
    const languages = errorPageLanguages(async () => spaceLanguages(await getSpaceSettings(db)), germanDefault);
    const first = await errorPage(languages);
    expect(first).toContain('<html id="__next_error__" lang="de">');
    expect(first).toContain("<noscript>");
    // The next page too (the first load still hangs: not queued behind it).
    expect(await errorPage(languages)).toContain('lang="de"');
  });

  it("are the space's own when its settings load", async () => {
    const languages = errorPageLanguages(() => Promise.resolve({ offered: ["nl"], fallback: "nl" }), germanDefault);
    expect(await errorPage(languages)).toContain('lang="nl"');
  });

  it("after a failed load, are the last known ones without asking again for a while", async () => {
    let clock = 0;
    let loads = 0;
    let fail = false;
    const languages = errorPageLanguages(
      () => {
        loads++;
        return fail ? Promise.reject(new Error("database away")) : Promise.resolve({ offered: ["it"], fallback: "it" });
      },
      germanDefault,
      { failureMemoryMs: 5_000, now: () => clock },
    );
    expect((await languages()).fallback).toBe("it");
    fail = true;
    expect((await languages()).fallback).toBe("it");
    expect((await languages()).fallback).toBe("it");
    expect(loads).toBe(2);
    clock = 5_000;
    fail = false;
    await languages();
    expect(loads).toBe(3);
  });
});
