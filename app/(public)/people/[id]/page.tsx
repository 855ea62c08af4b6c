import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ProfileFieldList, ProfilePhoto } from "@/components/people/profile-field-list";
import { currentViewer } from "@/lib/auth/viewer";
import { publicProfile } from "@/lib/domain/people/public-profile";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { PageTitle } from "@/components/ui/page-title";

async function load(params: Promise<{ id: string }>) {
  const found = await publicProfile(getDb(), await currentViewer(), (await params).id);
  if (found.kind === "missing") notFound();
  // After a rename, or from the number: the current readable address.
  if (found.kind === "redirect") redirect(`/people/${found.slug}`);
  return found;
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const found = await load(params);
  return { title: found.entry.fields.name };
}

/**
 * A person's profile page at /people/<name-slug>: exactly the fields the person lets this viewer see (a visitor:
 * what they made public; a member or the board: more). Hidden people are a 404, like a slug nobody has.
 */
export default async function PersonProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const [t, { entry }] = await Promise.all([getT(), load(params)]);
  const { personId, fields } = entry;
  return (
    <article className="space-y-4" aria-labelledby="person-name">
      <div className="flex items-center gap-4">
        {typeof fields.photo === "string" && <ProfilePhoto personId={personId} photo={fields.photo} alt={t("photo.of", { name: fields.name ?? "" })} large />}
        <PageTitle id="person-name">{fields.name}</PageTitle>
      </div>
      <ProfileFieldList t={t} fields={fields} />
    </article>
  );
}
