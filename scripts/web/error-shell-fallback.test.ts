import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { spaceLanguages, withErrorShellFallback, withNoscript, type SpaceLanguages } from "./error-shell-fallback";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** The raw bytes a 500 HTML answer of `body` reaches the client as, through the fallback. */
async function served(
  body: Buffer,
  headers: Record<string, string> = {},
  path = "/page",
  request: { headers?: Record<string, string>; space?: SpaceLanguages } = {},
): Promise<Buffer> {
  const space = request.space ?? { offered: LOCALES, fallback: "en" };
  const server = http.createServer((req, res) => {
    withErrorShellFallback(req, res, () => Promise.resolve(space));
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
      .get({ host: "127.0.0.1", port, path, headers: request.headers }, (res) => {
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

  it("links 'Try again' to this site for every path, read as the browser reads it (tabs and newlines dropped, \\ as /)", () => {
    // Node's parser refuses most of these; a proxy in front or another parser may not. Every path of up to three
    // tricky characters before a host, its href resolved by the WHATWG URL parser (the browser's), stays on this site.
    const tricky = ["/", "\\", "\t", "\n", "\r", " ", ".", "@", ":", "%2F", "\u000b", "\f"];
    const paths: string[] = [];
    const grow = (prefix: string, left: number) => {
      paths.push(`${prefix}evil.example/x`);
      if (left > 0) for (const c of tricky) grow(prefix + c, left - 1);
    };
    grow("/", 3);
    grow("", 3);
    const unsafe = paths.filter((path) => {
      const html = withNoscript(Buffer.from(shell), "en", path).toString();
      const href = /<a href="([^"]*)">Try again<\/a>/.exec(html)?.[1];
      if (href === undefined) return true;
      const decoded = href.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
      return new URL(decoded, "https://space.example/page").origin !== "https://space.example";
    });
    expect(unsafe).toEqual([]);
    // The request's own path, as the browser would have asked for it.
    expect(withNoscript(Buffer.from(shell), "en", "/cal\tendar?view=\nagenda").toString()).toContain('<a href="/calendar?view=agenda">');
  });

  it("speaks the request's language only among the languages the space offers, else the space's default", async () => {
    const body = Buffer.from(shell);
    const space = spaceLanguages({ languages: ["de", "nl"], defaultLanguage: "nl" });
    const lang = async (headers: Record<string, string>) => /lang="(\w+)"/.exec((await served(body, {}, "/page", { headers, space })).toString())?.[1];
    expect(await lang({ cookie: "locale=it", "accept-language": "it" })).toBe("nl");
    expect(await lang({ cookie: "locale=it", "accept-language": "it, de;q=0.5" })).toBe("de");
    expect(await lang({ cookie: "x=1; locale=de", "accept-language": "nl" })).toBe("de");
    expect(await lang({ "accept-language": "en-GB, it;q=0.8" })).toBe("nl");
    expect(await lang({})).toBe("nl");
    expect((await served(body, {}, "/page", { space })).toString()).toContain("<h1>Er ging iets mis</h1>");
    // A default the space no longer offers gives way to the first language it does.
    expect(spaceLanguages({ languages: ["it", "de"], defaultLanguage: "en" })).toEqual({ offered: ["de", "it"], fallback: "de" });
    expect(spaceLanguages({ languages: [], defaultLanguage: "it" })).toEqual({ offered: LOCALES, fallback: "it" });
  });
});
