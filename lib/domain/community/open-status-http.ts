import type { Db } from "@/lib/db/client";
import { openSince, setOpenStatus } from "./open-status";
import { authenticateSensor } from "./sensor-tokens";

const unauthorized = () =>
  Response.json(
    { error: "A valid sensor token is required: Authorization: Bearer <token>." },
    { status: 401, headers: { "www-authenticate": 'Bearer realm="open-status"' } },
  );

/**
 * POST /api/open-status for door/board sensors: bearer token (admins create it), JSON {open, message?}.
 * Plain Request → Response, so the integration test calls exactly what the route runs.
 */
export async function handleOpenStatusRequest(db: Db, request: Request): Promise<Response> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!match) return unauthorized();
  const sensorName = await authenticateSensor(db, match[1]!);
  if (!sensorName) return unauthorized();
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: 'The body must be JSON, e.g. {"open": true, "message": "Open evening"}.' }, { status: 400 });
  }
  if (typeof body !== "object" || body === null) return Response.json({ error: 'Expected an object like {"open": true}.' }, { status: 400 });
  const result = await setOpenStatus(db, { sensorName }, body as { open: boolean; message?: string });
  if (!result.ok) return Response.json({ error: result.message }, { status: 400 });
  const state = await openSince(db);
  return Response.json({ open: result.change.open, message: result.change.message, since: (state?.since ?? result.change.at).toISOString() });
}
