import { listAuthorizations, mayViewAuthorizationsOf } from "@/lib/domain/equipment/authorization-list";
import { listEquipmentTypes } from "@/lib/domain/equipment/equipment-type-service";
import { decodeCursor, DEFAULT_LIMIT, encodeCursor, pageParams, querySignature } from "../cursor";
import { defineEndpoint } from "../endpoint";
import { param } from "../params";
import { ApiProblem } from "../problem";
import { pageOf, ref } from "../schemas";

export const equipmentEndpoints = [
  defineEndpoint({
    operationId: "listEquipmentTypes",
    method: "GET",
    path: "/equipment-types",
    tag: "Equipment",
    summary: "Equipment types",
    auth: "token",
    scope: "read:equipment",
    response: {
      schema: { type: "object", required: ["data"], properties: { data: { type: "array", items: ref("EquipmentType") } }, additionalProperties: false },
      description: "All types by name.",
    },
    async handle({ db }) {
      const rows = await listEquipmentTypes(db);
      return {
        data: rows.map((t) => ({
          id: t.id,
          name: t.name,
          description: t.description,
          purpose: t.purpose,
          noAuthorizationNeeded: t.noAuthorizationNeeded,
          validityMonths: t.validityMonths,
        })),
      };
    },
  }),
  defineEndpoint({
    operationId: "listAuthorizations",
    method: "GET",
    path: "/authorizations",
    tag: "Equipment",
    summary: "Equipment authorizations",
    description:
      "Who may use, maintain or train on which equipment type; every record, current, expired and revoked. Equipment managers see everyone's; others their own (give person = your id, or leave it out).",
    auth: "token",
    scope: "read:equipment",
    query: {
      person: param.integer({ description: "Only this person's records." }),
      equipmentType: param.integer({ description: "Only records on this equipment type." }),
      current: param.boolean({ description: "true: only the records in force now." }),
      ...pageParams,
    },
    problems: ["forbidden"],
    response: { schema: pageOf("Authorization"), description: "A page of records by id." },
    async handle({ db, viewer, query, search, now }) {
      const personId = viewer.permissions.has("equipment.manage") ? query.person : (query.person ?? viewer.personId ?? undefined);
      if (!mayViewAuthorizationsOf(viewer, personId)) throw new ApiProblem("forbidden", "Only equipment managers read other people's authorizations.");
      const signature = querySignature("listAuthorizations", search);
      const after = decodeCursor(query.cursor, signature, 1);
      const page = await listAuthorizations(
        db,
        { personId, equipmentTypeId: query.equipmentType, currentOnly: query.current },
        { afterId: (after?.[0] as number) ?? null, limit: query.limit ?? DEFAULT_LIMIT },
        now,
      );
      return {
        data: page.rows.map((a) => ({
          id: a.id,
          personId: a.personId,
          equipmentTypeId: a.equipmentTypeId,
          equipmentTypeName: a.equipmentTypeName,
          level: a.level,
          source: a.source,
          grantedAt: a.grantedAt,
          expiresAt: a.expiresAt,
          revokedAt: a.revokedAt,
          current: a.current,
        })),
        nextCursor: page.nextId ? encodeCursor(signature, [page.nextId]) : null,
      };
    },
  }),
];
