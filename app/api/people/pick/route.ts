import { statusLabel } from "@/components/people/status-label";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isPickPurpose, pickPeople } from "@/lib/domain/people/pick-people";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";

export const dynamic = "force-dynamic";

/**
 * The people picker's search (components/ui/person-picker.tsx): GET ?for=<purpose>&q=<text>. Only a logged-in person
 * holding the purpose's permission is answered; what is shown of each person obeys their visibility.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const purpose = params.get("for");
  if (!isPickPurpose(purpose)) return Response.json({ error: "unknown purpose" }, { status: 400 });
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "not logged in" }, { status: 401 });
  const found = await pickPeople(getDb(), user, purpose, params.get("q") ?? "");
  if (!found.ok) return Response.json({ error: found.code }, { status: found.code === "forbidden" ? 403 : 400 });
  const t = await getT();
  const people = found.people.map((p) => ({ ...p, statusName: statusLabel(t, { key: p.statusKey, name: p.statusName }) }));
  return Response.json({ people }, { headers: { "Cache-Control": "no-store" } });
}
