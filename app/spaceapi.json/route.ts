import { openSince } from "@/lib/domain/community/open-status";
import { buildSpaceApi } from "@/lib/domain/community/spaceapi";
import { loadDashboard } from "@/lib/domain/machines/dashboard";
import { optional, spaceSettingsOrDefaults } from "@/lib/web/community";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

/** The SpaceAPI v15 document; public and CORS-open, as SpaceAPI directories fetch it from browsers. */
export async function GET() {
  const db = getDb();
  const [settings, status, machines] = await Promise.all([
    spaceSettingsOrDefaults(),
    optional("open status", () => openSince(db)),
    optional("machine states", async () => (await loadDashboard(db)).counts),
  ]);
  const doc = buildSpaceApi({
    settings,
    baseUrl: settings.publicUrl,
    status: status && { open: status.open, lastChange: status.since, message: status.message },
    machines,
  });
  return Response.json(doc, { headers: { "access-control-allow-origin": "*", "cache-control": "no-store" } });
}
