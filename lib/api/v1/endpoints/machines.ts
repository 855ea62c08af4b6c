import { dashboardAccessIn, mayViewUsage } from "@/lib/domain/machines/dashboard-access";
import { dashboardShownTo, loadDashboard, type MachineTile } from "@/lib/domain/machines/dashboard";
import { listUsage, parseUsageFilter, usageKeyOf } from "@/lib/domain/machines/usage-report";
import type { EndpointContext } from "../endpoint";
import { decodeCursor, DEFAULT_LIMIT, encodeCursor, pageParams, querySignature } from "../cursor";
import { defineEndpoint } from "../endpoint";
import { param } from "../params";
import { ApiProblem } from "../problem";
import { pageOf, ref } from "../schemas";

const machine = (t: MachineTile) => ({
  id: t.id,
  name: t.name,
  location: t.location,
  type: t.typeName,
  state: t.state,
  blockedReason: t.blockedReason,
  maintenanceText: t.maintenanceText,
  lastHeardAt: t.lastHeardAt,
  inUse: t.inUse,
});

/** The dashboard's tiles, with names only for viewers who may see who is at a machine, as each person chose (as on /machines). */
async function tiles({ db, viewer, now }: EndpointContext) {
  const access = await dashboardAccessIn(db, viewer);
  const data = await loadDashboard(db, now);
  return dashboardShownTo(data, viewer, access.showNames).tiles;
}

export const machineEndpoints = [
  defineEndpoint({
    operationId: "listMachines",
    method: "GET",
    path: "/machines",
    tag: "Machines",
    summary: "Machines with their live state",
    description:
      "Every machine with its state (in use, blocked, maintenance due, offline, free), as on the machines dashboard. Poll with If-None-Match: an unchanged state answers 304.",
    auth: "token",
    scope: "read:machines",
    response: {
      schema: { type: "object", required: ["data"], properties: { data: { type: "array", items: ref("Machine") } }, additionalProperties: false },
      description: "All machines by name.",
    },
    handle: async (ctx) => ({ data: (await tiles(ctx)).map(machine) }),
  }),
  defineEndpoint({
    operationId: "getMachine",
    method: "GET",
    path: "/machines/{id}",
    tag: "Machines",
    summary: "One machine with its live state",
    auth: "token",
    scope: "read:machines",
    pathParams: { id: param.integer({ description: "The machine's id.", example: "1" }) },
    problems: ["not_found"],
    response: { schema: ref("Machine"), description: "The machine." },
    async handle(ctx) {
      const tile = (await tiles(ctx)).find((t) => t.id === ctx.path.id);
      if (!tile) throw new ApiProblem("not_found", "No machine with this id.");
      return machine(tile);
    },
  }),
  defineEndpoint({
    operationId: "listUsage",
    method: "GET",
    path: "/usage",
    tag: "Machines",
    summary: "Usage sessions",
    description:
      "Who used which machine when, newest first. Staff (members.read or machines.operate) see everyone's; others their own only (a person filter for someone else is refused).",
    auth: "token",
    scope: "read:usage",
    query: {
      person: param.integer({ description: "Only this person's sessions." }),
      machine: param.integer({ description: "Only this machine's sessions." }),
      from: param.date({ description: "Sessions that started on or after this day (UTC)." }),
      to: param.date({ description: "Sessions that started on or before this day (UTC)." }),
      ...pageParams,
    },
    problems: ["forbidden"],
    response: { schema: pageOf("UsageSession"), description: "A page of sessions." },
    async handle({ db, viewer, query, search }) {
      const filter = parseUsageFilter({ person: query.person?.toString(), machine: query.machine?.toString(), from: query.from, to: query.to });
      if (!mayViewUsage(viewer)) {
        if (viewer.personId === null) throw new ApiProblem("forbidden", "Reading usage needs members.read or machines.operate.");
        if (filter.personId !== undefined && filter.personId !== viewer.personId) throw new ApiProblem("forbidden", "You may read your own usage only.");
        filter.personId = viewer.personId;
      }
      const signature = querySignature("listUsage", search);
      const after = decodeCursor(query.cursor, signature, 2);
      const limit = query.limit ?? DEFAULT_LIMIT;
      const rows = await listUsage(db, viewer, filter, { after, limit: limit + 1 });
      const shown = rows.slice(0, limit);
      const data = shown.map(({ startedAtKey: _key, ...session }) => session);
      return { data, nextCursor: rows.length > limit ? encodeCursor(signature, usageKeyOf(shown.at(-1)!)) : null };
    },
  }),
];
