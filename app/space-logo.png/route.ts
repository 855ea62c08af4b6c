import { spaceSettingsOrDefaults } from "@/lib/web/community";
import { getFileStorage } from "@/lib/storage/storage-from-env";
import { getLogger } from "@/lib/web/logger";

export const dynamic = "force-dynamic";

/**
 * The space's logo at a stable address (header, /spaceapi.json): the uploaded one, else a redirect to the logo
 * address from the settings or to the default icon.
 */
export async function GET(request: Request): Promise<Response> {
  const settings = await spaceSettingsOrDefaults();
  if (settings.logoKey) {
    const data = await getFileStorage()
      .get(settings.logoKey)
      .catch((error: unknown) => {
        getLogger().warn({ err: error }, "logo unavailable");
        return null;
      });
    if (data) {
      return new Response(new Uint8Array(data), {
        headers: {
          "content-type": "image/png",
          "cache-control": "public, max-age=300",
          "x-content-type-options": "nosniff",
          "access-control-allow-origin": "*",
        },
      });
    }
  }
  return Response.redirect(new URL(settings.logoUrl ?? "/icon.svg", request.url), 302);
}
