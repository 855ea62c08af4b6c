import type { NewsListItem } from "./news";

/** XML text and attribute escaping; control characters XML 1.0 forbids are dropped. */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** An Atom 1.0 feed of the news; every member-typed value is escaped (bodies are plain text, not HTML). */
export function buildAtomFeed(input: { spaceName: string; baseUrl: string; posts: NewsListItem[] }): string {
  const { spaceName, baseUrl, posts } = input;
  const updated = (posts[0]?.updatedAt ?? new Date(0)).toISOString();
  const entries = posts.map(
    (p) => `  <entry>
    <id>${escapeXml(`${baseUrl}/news/${p.id}`)}</id>
    <title type="text">${escapeXml(p.title)}</title>
    <link rel="alternate" href="${escapeXml(`${baseUrl}/news/${p.id}`)}"/>
    <published>${p.publishedAt.toISOString()}</published>
    <updated>${p.updatedAt.toISOString()}</updated>
    <author><name>${escapeXml(p.authorName ?? spaceName)}</name></author>
    <content type="text">${escapeXml(p.body)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(`${baseUrl}/news.xml`)}</id>
  <title type="text">${escapeXml(spaceName)}</title>
  <link rel="self" href="${escapeXml(`${baseUrl}/news.xml`)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${baseUrl}/news`)}"/>
  <updated>${updated}</updated>
${entries.join("\n")}
</feed>
`;
}
