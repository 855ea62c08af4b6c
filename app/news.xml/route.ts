import { listNews } from "@/lib/domain/community/news";
import { buildAtomFeed } from "@/lib/domain/community/news-feed";
import { spaceSettingsOrDefaults } from "@/lib/web/community";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

/** Public: authors appear only where they show their name to the public. */
export async function GET() {
  const [settings, posts] = await Promise.all([spaceSettingsOrDefaults(), listNews(getDb(), null, 30)]);
  const xml = buildAtomFeed({ spaceName: settings.name, baseUrl: settings.publicUrl, posts });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=300" } });
}
