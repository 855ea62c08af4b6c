import { parseViewRight, type ViewRightGroups } from "@/lib/domain/access/view-rights";
import { getT } from "@/lib/i18n/server";

/** The view rights a role carries, by the names of their groups ("People with status Member · …"); nothing when none. */
export async function RightsLine({ rights, groups }: { rights: string[]; groups: ViewRightGroups }) {
  if (rights.length === 0) return null;
  const t = await getT();
  const name = (key: string) => {
    const right = parseViewRight(key)!;
    const group = (right.kind === "status" ? groups.statuses : groups.committees).find((g) => g.id === right.id)?.name ?? "?";
    return t(right.kind === "status" ? "roles.view.status" : "roles.view.committee", { name: group });
  };
  return (
    <p className="text-sm text-slate-600" data-testid="role-rights">
      {rights.map(name).join(" · ")}
    </p>
  );
}
