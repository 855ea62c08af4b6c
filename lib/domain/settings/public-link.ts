import type { Db } from "@/lib/db/client";
import { absoluteUrl } from "./public-url";
import { getSpaceSettings } from "./space-settings";

/** The one way to build an absolute link: from the space's saved public address (or the environment's first value). */
export async function publicLink(db: Db, path: string): Promise<string> {
  return absoluteUrl(await publicBase(db), path);
}

/** The public origin itself, for builders that append several paths (feeds, reminders). */
export async function publicBase(db: Db): Promise<string> {
  return (await getSpaceSettings(db)).publicUrl;
}
