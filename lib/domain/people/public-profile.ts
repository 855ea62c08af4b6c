import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { people, personSlugs, profiles } from "@/lib/db/schema";
import { parseId } from "../shared/ids";
import { isSlug, slugMadeFrom, slugOf } from "../shared/slugs";
import { listDirectoryPage, viewPerson, type DirectoryEntry, type DirectoryKey } from "./directory";
import type { Viewer } from "./visibility";

/** "Zoë O'Brien-Müller" → "zoe-o-brien-muller" (a name of digits only or of other scripts: "person-…"). */
export function slugify(name: string): string {
  return slugOf(name, "person");
}

/**
 * The person's current slug for their current name: the newest one if it still fits the name, else a new one
 * (the name, then "-2", "-3" … until free). Old slugs stay and redirect here, so links from before a rename work.
 */
export async function currentSlug(db: Db, personId: number): Promise<string | null> {
  const [profile] = await db.select({ firstName: profiles.firstName, lastName: profiles.lastName }).from(profiles).where(eq(profiles.personId, personId));
  if (!profile) return null;
  const base = slugify(`${profile.firstName} ${profile.lastName}`);
  const [newest] = await db
    .select({ slug: personSlugs.slug })
    .from(personSlugs)
    .where(eq(personSlugs.personId, personId))
    .orderBy(desc(personSlugs.createdAt), desc(personSlugs.slug))
    .limit(1);
  if (newest && slugMadeFrom(newest.slug, base)) return newest.slug;
  // Back to a name this person had before: that slug becomes current again instead of a new "-2".
  const own = await db.select({ slug: personSlugs.slug }).from(personSlugs).where(eq(personSlugs.personId, personId));
  const earlier = own.find((o) => slugMadeFrom(o.slug, base));
  if (earlier) {
    await db
      .update(personSlugs)
      .set({ createdAt: new Date() })
      .where(and(eq(personSlugs.slug, earlier.slug), eq(personSlugs.personId, personId)));
    return earlier.slug;
  }
  for (let n = 1; n < 10_000; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const [made] = await db.insert(personSlugs).values({ slug, personId }).onConflictDoNothing().returning({ slug: personSlugs.slug });
    if (made) return made.slug;
  }
  throw new Error(`no free slug for person ${personId}`);
}

/**
 * Slugs are made when a link to the page is first shown (the people list, the directory, one's own profile); an
 * address typed from the name before that finds the person by their name. Several namesakes: the first person.
 */
async function personNamed(db: Db, slug: string): Promise<number | null> {
  const base = slug.replace(/-\d+$/, "");
  const rows = await db
    .select({ personId: profiles.personId, firstName: profiles.firstName, lastName: profiles.lastName })
    .from(profiles)
    .innerJoin(people, eq(people.id, profiles.personId))
    .where(isNull(people.erasedAt))
    .orderBy(asc(profiles.personId));
  const found = rows.find((r) => slugify(`${r.firstName} ${r.lastName}`) === base);
  return found?.personId ?? null;
}

export type PublicProfile = { kind: "profile"; slug: string; entry: DirectoryEntry } | { kind: "redirect"; slug: string } | { kind: "missing" };

/**
 * The profile page at /people/<slug or number>: the person as this viewer may see them (visitors: only the fields
 * the person made public), or a redirect to the current slug (after a rename, or from the number). Missing when
 * the viewer may not even see the name: a page for a hidden person looks exactly like no page at all.
 */
export async function publicProfile(db: Db, viewer: Viewer, ref: string): Promise<PublicProfile> {
  let personId = parseId(ref);
  if (personId === null) {
    if (!isSlug(ref)) return { kind: "missing" };
    const [row] = await db.select({ personId: personSlugs.personId }).from(personSlugs).where(eq(personSlugs.slug, ref));
    personId = row?.personId ?? (await personNamed(db, ref));
    if (personId === null) return { kind: "missing" };
  }
  const entry = await viewPerson(db, viewer, personId);
  if (!entry) return { kind: "missing" };
  const slug = await currentSlug(db, personId);
  if (!slug) return { kind: "missing" };
  return slug === ref ? { kind: "profile", slug, entry } : { kind: "redirect", slug };
}

/**
 * The people list behind the profile pages (for a visitor, those who made their name public), one page at a time
 * in the directory's order: up to `limit` people after `after`, and where the next page starts.
 */
export async function listPublicPeoplePage(
  db: Db,
  viewer: Viewer,
  page: { after: DirectoryKey | null; limit: number },
): Promise<{ entries: (DirectoryEntry & { slug: string })[]; next: DirectoryKey | null }> {
  const { entries, next } = await listDirectoryPage(db, viewer, page);
  const slugs = await currentSlugs(
    db,
    entries.map((e) => e.personId),
  );
  const out: (DirectoryEntry & { slug: string })[] = [];
  for (const entry of entries) {
    const slug = slugs.get(entry.personId) ?? (await currentSlug(db, entry.personId));
    if (slug) out.push({ ...entry, slug });
  }
  return { entries: out, next };
}

/**
 * `currentSlug` for many people in two queries: the people whose newest slug still fits their name. The others
 * (no slug yet, or renamed) are left out for `currentSlug` to settle one by one, as it makes or revives a slug.
 */
async function currentSlugs(db: Db, personIds: number[]): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (!personIds.length) return found;
  const [names, slugs] = await Promise.all([
    db
      .select({ personId: profiles.personId, firstName: profiles.firstName, lastName: profiles.lastName })
      .from(profiles)
      .where(inArray(profiles.personId, personIds)),
    db
      .selectDistinctOn([personSlugs.personId], { personId: personSlugs.personId, slug: personSlugs.slug })
      .from(personSlugs)
      .where(inArray(personSlugs.personId, personIds))
      .orderBy(personSlugs.personId, desc(personSlugs.createdAt), desc(personSlugs.slug)),
  ]);
  const newest = new Map(slugs.map((s) => [s.personId, s.slug]));
  for (const { personId, firstName, lastName } of names) {
    const slug = newest.get(personId);
    if (slug && slugMadeFrom(slug, slugify(`${firstName} ${lastName}`))) found.set(personId, slug);
  }
  return found;
}
