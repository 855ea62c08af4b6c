import type { Logger } from "pino";
import type { Instrumentation } from "next";

type RequestError = Parameters<Instrumentation.onRequestError>;

/**
 * A page, route or action that threw: one error line with Next's digest — the reference the admin error page shows
 * (app/(admin)/error.tsx) — so the system page's recent errors (DATA_DIR/logs/errors.log keeps the web's error lines)
 * find it with the real message. The route's pattern is logged, not the requested path: a path may hold a token
 * (/reset-password/[token]).
 */
export function logRequestError(logger: Logger, error: RequestError[0], request: RequestError[1], context: RequestError[2]): void {
  const digest = error instanceof Error ? (error as Error & { digest?: unknown }).digest : undefined;
  const reference = typeof digest === "string" && digest ? digest : undefined;
  logger.error(
    { reference, route: context.routePath, kind: context.routeType, method: request.method, err: error },
    `${context.routePath} failed${reference ? ` (reference ${reference})` : ""}`,
  );
}
