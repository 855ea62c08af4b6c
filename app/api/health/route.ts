import { NextResponse } from "next/server";
import { getBrokerHealth, pingDb } from "@/lib/domain/system/health";
import { getDb } from "@/lib/web/db";
import { getLogger } from "@/lib/web/logger";

export const dynamic = "force-dynamic";

const DB_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);
}

/** Liveness for the launcher, load balancers and monitoring: database reachable, broker heartbeat fresh. */
export async function GET() {
  const headers = { "cache-control": "no-store" };
  try {
    const db = getDb();
    await withTimeout(pingDb(db), DB_TIMEOUT_MS);
    const broker = await withTimeout(getBrokerHealth(db), DB_TIMEOUT_MS);
    return NextResponse.json({ status: "ok", database: { ok: true }, broker }, { headers });
  } catch (error) {
    getLogger().warn({ err: error }, "health check: database unreachable");
    return NextResponse.json(
      { status: "error", database: { ok: false }, broker: { ok: false, lastSeenAt: null, connectedClients: 0, spoolWritable: false } },
      { status: 503, headers },
    );
  }
}
