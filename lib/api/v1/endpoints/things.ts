import { mayViewInventoryIn } from "@/lib/domain/inventory/access";
import { searchThings, thingRowByNumber, type ThingListRow } from "@/lib/domain/inventory/search";
import type { EndpointContext } from "../endpoint";
import { decodeCursor, DEFAULT_LIMIT, encodeCursor, pageParams, querySignature } from "../cursor";
import { defineEndpoint } from "../endpoint";
import { param } from "../params";
import { ApiProblem } from "../problem";
import { pageOf, ref } from "../schemas";

async function mayView({ db, viewer }: EndpointContext): Promise<void> {
  if (!(await mayViewInventoryIn(db, viewer.permissions)))
    throw new ApiProblem("forbidden", "The inventory is open to inventory managers, and to members while the space allows it.");
}

const thing = (r: ThingListRow) => ({
  number: r.number,
  name: r.name,
  description: r.description,
  category: r.categoryName,
  location: r.locationId !== null ? { id: r.locationId, name: r.locationName ?? "" } : null,
  lentOut: r.lentOut,
  onLoanFromMember: r.lenderPersonId !== null,
  lenderUntil: r.lenderUntil,
});

export const thingEndpoints = [
  defineEndpoint({
    operationId: "listThings",
    method: "GET",
    path: "/things",
    tag: "Inventory",
    summary: "Search the inventory",
    description: "Things by name (by relevance when searching), as the inventory page lists them.",
    auth: "token",
    scope: "read:inventory",
    query: {
      q: param.string({ maxLength: 200, description: "Full-text search over name and description." }),
      category: param.integer({ description: "Category id." }),
      location: param.integer({ description: "Location id: things there or anywhere inside it." }),
      onLoanFromMembers: param.boolean({ description: "true: only things members lent to the space." }),
      ...pageParams,
    },
    problems: ["forbidden"],
    response: { schema: pageOf("Thing"), description: "A page of things." },
    async handle(ctx) {
      await mayView(ctx);
      const { db, query, search } = ctx;
      // Ranked search has no stable key to seek from: this cursor holds the position in the same query.
      const signature = querySignature("listThings", search);
      const offset = (decodeCursor(query.cursor, signature, 1)?.[0] as number | undefined) ?? 0;
      const limit = query.limit ?? DEFAULT_LIMIT;
      const { rows, total } = await searchThings(db, {
        query: query.q,
        categoryId: query.category,
        locationId: query.location,
        onLoanFromMembers: query.onLoanFromMembers,
        limit,
        offset: Math.max(0, Math.trunc(offset)),
      });
      return {
        data: rows.map(thing),
        nextCursor: offset + rows.length < total ? encodeCursor(signature, [offset + rows.length]) : null,
      };
    },
  }),
  defineEndpoint({
    operationId: "getThing",
    method: "GET",
    path: "/things/{number}",
    tag: "Inventory",
    summary: "One thing by its number",
    description: "The number is the one on its label and in its short URL (/things/2342).",
    auth: "token",
    scope: "read:inventory",
    pathParams: { number: param.integer({ description: "The thing's number.", example: "1" }) },
    problems: ["forbidden", "not_found"],
    response: { schema: ref("Thing"), description: "The thing." },
    async handle(ctx) {
      await mayView(ctx);
      const row = await thingRowByNumber(ctx.db, ctx.path.number);
      if (!row) throw new ApiProblem("not_found", "No thing with this number.");
      return thing(row);
    },
  }),
];
