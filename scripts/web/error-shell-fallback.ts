import type { IncomingMessage, ServerResponse } from "node:http";
import { ERROR_CATALOGS } from "@/lib/i18n/error-catalogs";
import { isLocale, LOCALES, localeFromAcceptLanguage, spaceLocales, type Locale } from "@/lib/i18n/locales";

/**
 * When the root layout fails, Next answers 500 with an empty document (`<html id="__next_error__">`) and renders
 * app/global-error.tsx in the browser only: without JavaScript the page is blank. The web server puts a <noscript>
 * message into that document's body — in the request's language among those the space offers (the language switch's
 * cookie, else the browser's, else the space's default), with a link to try the page again and one to the start page. Only a 500 HTML answer is held back and looked at;
 * every other answer passes as it is sent.
 *
 * This needs the bytes before they are compressed, so Next's own compression is off (next.config.ts `compress:
 * false`) and the same middleware (Next's copy of `compression`) runs in front of this (compression.ts).
 */
export function withErrorShellFallback(req: IncomingMessage, res: ServerResponse, languages: () => Promise<SpaceLanguages>): void {
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let held: Buffer[] | null = null;
  const holding = (): boolean => {
    // Next flushes the headers before the first chunk: a length sent with them could not change, a stream's can.
    const lengthFixed = res.headersSent && res.getHeader("content-length") !== undefined;
    if (held === null && !lengthFixed && res.statusCode === 500 && /text\/html/.test(String(res.getHeader("content-type") ?? ""))) held = [];
    return held !== null;
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!holding() || chunk == null) return write(chunk, ...rest);
    held!.push(toBuffer(chunk, rest[0]));
    const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    const chunk = typeof args[0] === "function" ? undefined : args[0];
    if (!holding()) return end(...args);
    if (chunk != null) held!.push(toBuffer(chunk, typeof args[1] === "string" ? args[1] : undefined));
    const callback = args.find((arg) => typeof arg === "function");
    const sent = Buffer.concat(held!);
    // The space's languages come from its settings (cached; the last known ones when the database is away).
    void languages()
      .catch(() => EVERY_LANGUAGE)
      .then((space) => {
        const body = withNoscript(sent, requestLocale(req, space), req.url ?? "/");
        if (body !== sent && !res.headersSent) res.removeHeader("content-length");
        if (callback) end(body, callback);
        else end(body);
      });
    return res;
  }) as typeof res.end;
}

/** The languages the space offers (settings) and the one it falls back to, its default. */
export interface SpaceLanguages {
  offered: readonly Locale[];
  fallback: Locale;
}

const EVERY_LANGUAGE: SpaceLanguages = { offered: LOCALES, fallback: "en" };

/** The languages of the space's settings, by the pages' own rule (lib/i18n/locales.ts spaceLocales). */
export const spaceLanguages: (settings: { languages: readonly string[]; defaultLanguage: string }) => SpaceLanguages = spaceLocales;

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}

/**
 * Among the languages the space offers: the switch's cookie (httpOnly, but the server reads it), else the browser's
 * first language, else the space's default — as the pages choose (lib/i18n/server.ts), less the person's own
 * preference, which would need the session and the database that may be what failed.
 */
export function requestLocale(req: IncomingMessage, space: SpaceLanguages): Locale {
  const cookie = /(?:^|;\s*)locale=([^;]*)/.exec(req.headers.cookie ?? "")?.[1];
  if (cookie && isLocale(cookie) && space.offered.includes(cookie)) return cookie;
  return localeFromAcceptLanguage(req.headers["accept-language"], space.offered) ?? space.fallback;
}

const ERROR_SHELL = Buffer.from('<html id="__next_error__"');

/**
 * The document with the message after its <body> tag when it is Next's error shell; any other bytes (compressed by an
 * older build, another charset) exactly as they are: only found ASCII markers are spliced, nothing is decoded.
 */
export function withNoscript(html: Buffer, locale: Locale, url: string): Buffer {
  const shell = html.indexOf(ERROR_SHELL);
  if (shell < 0) return html;
  const body = html.indexOf("<body", shell + ERROR_SHELL.length);
  const at = body < 0 ? -1 : html.indexOf(">", body) + 1;
  if (at <= 0) return html;
  return Buffer.concat([
    html.subarray(0, shell + ERROR_SHELL.length),
    Buffer.from(` lang="${locale}"`),
    html.subarray(shell + ERROR_SHELL.length, at),
    Buffer.from(noscriptMessage(locale, url)),
    html.subarray(at),
  ]);
}

function noscriptMessage(locale: Locale, url: string): string {
  const text = ERROR_CATALOGS[locale];
  // Only a path of this site (a request's own), escaped; anything else tries the start page again. Browsers drop
  // every ASCII tab and newline of a URL (`/<tab>/host` is `//host`) and read `\` as `/` (`/\host` is another site
  // like `//host`): the path is checked as the browser will read it.
  const path = url.replace(/[\t\n\r]/g, "");
  const again = /^\/(?![/\\])/.test(path) ? escapeHtml(path) : "/";
  return (
    `<noscript><main style="max-width:40rem;margin:3rem auto;padding:0 1rem;font-family:system-ui,sans-serif;line-height:1.5">` +
    `<h1>${escapeHtml(text["error.title"])}</h1><p>${escapeHtml(text["error.body"])}</p>` +
    `<p><a href="${again}">${escapeHtml(text["error.retry"])}</a> · <a href="/">${escapeHtml(text["error.home"])}</a></p>` +
    `</main></noscript>`
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
