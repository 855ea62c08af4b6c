import type { InventoryLocation } from "@/lib/db/schema";

/** Options of a <select>, indented by depth so the tree is visible: Workshop, — Shelf A, — — Box 1. */
export function LocationOptions({ locations, exclude }: { locations: InventoryLocation[]; exclude?: Set<number> }) {
  const children = new Map<number | null, InventoryLocation[]>();
  for (const l of locations) children.set(l.parentId, [...(children.get(l.parentId) ?? []), l]);
  const out: { id: number; label: string }[] = [];
  const walk = (parent: number | null, depth: number, seen: Set<number>) => {
    for (const l of children.get(parent) ?? []) {
      if (seen.has(l.id)) continue;
      seen.add(l.id);
      if (!exclude?.has(l.id)) out.push({ id: l.id, label: `${"— ".repeat(depth)}${l.name}` });
      walk(l.id, depth + 1, seen);
    }
  };
  walk(null, 0, new Set());
  return out.map((o) => (
    <option key={o.id} value={o.id}>
      {o.label}
    </option>
  ));
}
