import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { Db } from "@/lib/db/client";
import { spaceSettings } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { recordAudit } from "../audit/record-audit";
import type { FileStorage } from "@/lib/storage/file-storage";
import { invalidateSpaceSettings, loadSpaceSettings, settingsFromEnv } from "./space-settings";
import type { SettingsActor } from "./update-settings";
import type { Failure, Result } from "../shared/result";

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/** The logo is shown small (header, SpaceAPI directories); 512 px is plenty and keeps the file small. */
export const LOGO_EDGE = 512;
// No SVG: a script inside an uploaded SVG would run on our origin.
const ACCEPTED = new Set(["jpeg", "png", "webp", "gif"]);
/** The stable public address of the uploaded logo (app/space-logo.png/route.ts). */
export const LOGO_PATH = "/space-logo.png";

export type LogoResult = Result<object, Failure<"forbidden" | "logo_not_image" | "logo_too_large">>;

/** Decodes the upload (a renamed PDF fails here) and renders a PNG of at most LOGO_EDGE px, metadata dropped. */
export async function renderLogo(data: Buffer): Promise<{ ok: true; png: Buffer } | Extract<LogoResult, { ok: false }>> {
  if (data.length === 0) return { ok: false, code: "logo_not_image", message: "The file is empty." };
  if (data.length > MAX_LOGO_BYTES) return { ok: false, code: "logo_too_large", message: `The logo is larger than ${MAX_LOGO_BYTES / 1024 / 1024} MB.` };
  try {
    const meta = await sharp(data, { limitInputPixels: 50_000_000 }).metadata();
    if (!meta.format || !ACCEPTED.has(meta.format)) return { ok: false, code: "logo_not_image", message: "The file is not a PNG, JPEG, WebP or GIF image." };
    const png = await sharp(data, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize(LOGO_EDGE, LOGO_EDGE, { fit: "inside", withoutEnlargement: true })
      .png()
      .toBuffer();
    return { ok: true, png };
  } catch {
    return { ok: false, code: "logo_not_image", message: "The file is not an image that can be read." };
  }
}

const forbidden = (actor: SettingsActor): LogoResult | null =>
  actor.personId !== null && !actor.permissions.has("system.admin") ? { ok: false, code: "forbidden", message: "system.admin needed" } : null;

/** Stores the new logo, points the settings at it (the row is created from the defaults if needed), audits. */
export async function setSpaceLogo(db: Db, storage: FileStorage, actor: SettingsActor, data: Buffer): Promise<LogoResult> {
  const refused = forbidden(actor);
  if (refused) return refused;
  const rendered = await renderLogo(data);
  if (!rendered.ok) return rendered;
  const key = `space/logo-${randomBytes(6).toString("hex")}.png`;
  await storage.put(key, rendered.png);
  try {
    const previous = await replaceLogoKey(db, actor, key);
    if (previous) await storage.delete(previous);
    return { ok: true };
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
}

/** Back to the logo address or the default icon. */
export async function removeSpaceLogo(db: Db, storage: FileStorage, actor: SettingsActor): Promise<LogoResult> {
  const refused = forbidden(actor);
  if (refused) return refused;
  const previous = await replaceLogoKey(db, actor, null);
  if (previous) await storage.delete(previous);
  return { ok: true };
}

async function replaceLogoKey(db: Db, actor: SettingsActor, key: string | null): Promise<string | null> {
  const previous = await db.transaction(async (tx) => {
    const before = await loadSpaceSettings(tx, () => settingsFromEnv(env()));
    const { updatedAt: _at, ...values } = before;
    await tx
      .insert(spaceSettings)
      .values({ id: 1, ...values, logoKey: key, updatedAt: new Date(), updatedBy: actor.personId })
      .onConflictDoUpdate({ target: spaceSettings.id, set: { logoKey: key, updatedAt: new Date(), updatedBy: actor.personId } });
    await recordAudit(tx, {
      actorId: actor.personId,
      changeType: "settings.logo",
      entity: "space_settings",
      entityId: 1,
      before: { logoKey: before.logoKey },
      after: { logoKey: key },
    });
    return before.logoKey;
  });
  invalidateSpaceSettings(db);
  return previous;
}

/** The logo to show: the uploaded one (versioned so browsers refetch after a change), the logo address, or the icon. */
export function logoSrc(settings: { logoKey: string | null; logoUrl: string | null }): string {
  if (settings.logoKey) return `${LOGO_PATH}?v=${encodeURIComponent(settings.logoKey.replace(/^.*logo-|\.png$/g, ""))}`;
  return settings.logoUrl ?? "/icon.svg";
}

export async function readSpaceLogo(db: Db, storage: FileStorage): Promise<Buffer | null> {
  const [row] = await db.select({ key: spaceSettings.logoKey }).from(spaceSettings).where(eq(spaceSettings.id, 1));
  return row?.key ? storage.get(row.key) : null;
}
