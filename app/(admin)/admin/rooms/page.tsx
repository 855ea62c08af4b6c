import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { BookableForm } from "@/components/calendar/bookable-form";
import { requirePermission } from "@/lib/auth/guards";
import { listResources, listRooms } from "@/lib/domain/calendar/calendar-queries";
import { machineOptions } from "@/lib/domain/equipment/machine-service";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { deleteBookableAction, saveBookableAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";

/** Rooms and bookable resources (a resource may stand for a machine). */
export default async function RoomsAdminPage() {
  await requirePermission("calendar.write");
  const db = getDb();
  const [t, roomRows, resourceRows, machineRows] = await Promise.all([getT(), listRooms(db), listResources(db), machineOptions(db)]);
  const labels = { name: t("rooms.name"), description: t("rooms.description"), machine: t("rooms.machine"), noMachine: t("rooms.noMachine") };
  const empty = { name: "", description: "", machineId: "" };
  return (
    <div className="space-y-6">
      <PageTitle>{t("rooms.title")}</PageTitle>
      {(["room", "resource"] as const).map((kind) => {
        const rows = kind === "room" ? roomRows.map((r) => ({ ...r, machineId: null as number | null })) : resourceRows;
        return (
          <section key={kind} className="space-y-3">
            <h2 className="text-lg font-semibold">{t(kind === "room" ? "rooms.rooms" : "rooms.resources")}</h2>
            {rows.length === 0 && <EmptyState>{t("rooms.none")}</EmptyState>}
            <ul className="space-y-3">
              {rows.map((r) => (
                <li key={r.id} className="rounded border border-slate-200 bg-white p-2">
                  {kind === "room" && (
                    <Link className="text-sm underline" href={`/rooms/${r.id}`}>
                      {t("rooms.schedule")}
                    </Link>
                  )}
                  <BookableForm
                    idPrefix={`${kind}-${r.id}`}
                    action={saveBookableAction.bind(null, kind, r.id)}
                    initial={{ name: r.name, description: r.description, machineId: r.machineId ? String(r.machineId) : "" }}
                    machines={kind === "resource" ? machineRows : undefined}
                    labels={{ ...labels, submit: t("rooms.save") }}
                  />
                  <ActionButton
                    action={deleteBookableAction.bind(null, kind, r.id)}
                    label={t("rooms.delete")}
                    confirm={t("rooms.deleteConfirm", { name: r.name })}
                  />
                </li>
              ))}
            </ul>
            <BookableForm
              idPrefix={`${kind}-new`}
              action={saveBookableAction.bind(null, kind, null)}
              initial={empty}
              machines={kind === "resource" ? machineRows : undefined}
              labels={{ ...labels, submit: t("rooms.add") }}
            />
          </section>
        );
      })}
    </div>
  );
}
