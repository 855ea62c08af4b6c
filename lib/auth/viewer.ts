import type { Viewer } from "@/lib/domain/people/visibility";
import { getCurrentUser } from "./current-user";

/** Who is looking, for the visibility rules: a visitor is a viewer without a person and without rights. */
export async function currentViewer(): Promise<Viewer> {
  const user = await getCurrentUser();
  return { personId: user?.personId ?? null, permissions: user?.permissions ?? new Set() };
}
