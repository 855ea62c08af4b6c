import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { isErrorLine } from "@/lib/ops/error-log";
import { logRequestError } from "./request-errors";

function capture() {
  const lines: string[] = [];
  const out = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(...chunk.toString().trim().split("\n")), done()) });
  return { logger: pino({ level: "error" }, out), lines };
}

const request = { path: "/reset-password/secret-token-123", method: "GET", headers: {} };
const context = { routerKind: "App Router", routePath: "/reset-password/[token]", routeType: "render", revalidateReason: undefined } as const;

describe("logRequestError", () => {
  it("writes one error line the error log keeps, with the reference the admin error page shows and the real message", () => {
    const { logger, lines } = capture();
    logRequestError(logger, Object.assign(new Error("relation does not exist"), { digest: "2817305123" }), request, context);
    expect(lines).toHaveLength(1);
    expect(isErrorLine(lines[0]!)).toBe(true);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ reference: "2817305123", route: "/reset-password/[token]", kind: "render", method: "GET" });
    expect(line.msg).toBe("/reset-password/[token] failed (reference 2817305123)");
    expect(JSON.stringify(line.err)).toContain("relation does not exist");
  });

  it("never logs the requested path, which may hold a token", () => {
    const { logger, lines } = capture();
    logRequestError(logger, new Error("x"), request, context);
    expect(lines[0]).not.toContain("secret-token-123");
    expect(JSON.parse(lines[0]!)).not.toHaveProperty("reference");
  });
});
