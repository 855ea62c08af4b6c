import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { withErrorShellFallback } from "./error-shell-fallback";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** The raw bytes a 500 HTML answer of `body` reaches the client as, through the fallback. */
async function served(body: Buffer, headers: Record<string, string> = {}, path = "/page"): Promise<Buffer> {
  const server = http.createServer((req, res) => {
    withErrorShellFallback(req, res);
    res.statusCode = 500;
    res.setHeader("content-type", "text/html; charset=utf-8");
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.write(body.subarray(0, 5));
    res.end(body.subarray(5));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve(Buffer.concat(chunks)));
      })
      .on("error", reject);
  });
}

const shell = '<!DOCTYPE html><html id="__next_error__"><head></head><body class="x"><script>1</script></body></html>';

describe("withErrorShellFallback", () => {
  it("passes a compressed 500 answer (a build that still compresses) byte for byte", async () => {
    const gzipped = gzipSync(shell);
    expect(await served(gzipped, { "content-encoding": "gzip" })).toEqual(gzipped);
  });

  it("passes a 500 HTML answer in another charset byte for byte", async () => {
    const latin1 = Buffer.from("<html><body>Caf\u00e9 ferm\u00e9</body></html>", "latin1");
    expect(await served(latin1)).toEqual(latin1);
  });

  it("puts the message into Next's error shell and keeps every other byte", async () => {
    const body = Buffer.concat([Buffer.from(shell.replace("<script>1</script>", "")), Buffer.from([0xe9, 0xff])]);
    const out = await served(body);
    const text = out.toString("latin1");
    expect(text).toContain('<html id="__next_error__" lang="en"><head></head><body class="x"><noscript>');
    expect(text).toContain('<a href="/page">');
    expect(out.subarray(-2)).toEqual(Buffer.from([0xe9, 0xff]));
  });

  it("links 'Try again' to the request's own path only, never to another site", async () => {
    const body = Buffer.from(shell);
    expect((await served(body, {}, "/a?b=1")).toString()).toContain('<a href="/a?b=1">');
    for (const other of ["//evil.example/x", "/\\evil.example/x", "/\\/evil.example"]) {
      expect((await served(body, {}, other)).toString()).toMatch(/<noscript>.*<a href="\/">.*<a href="\/">/);
    }
  });
});
