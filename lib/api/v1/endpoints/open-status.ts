import { openSince, setOpenStatus } from "@/lib/domain/community/open-status";
import { defineEndpoint } from "../endpoint";
import { ApiProblem } from "../problem";
import { ref } from "../schemas";

const state = async (db: Parameters<typeof openSince>[0]) => {
  const s = await openSince(db);
  return s ? { open: s.open, since: s.since, message: s.message } : { open: null, since: null, message: "" };
};

export const openStatusEndpoints = [
  defineEndpoint({
    operationId: "getOpenStatus",
    method: "GET",
    path: "/open-status",
    tag: "Space",
    summary: "Is the space open?",
    auth: "token",
    scope: "read:open-status",
    response: { schema: ref("OpenStatus"), description: "The current state and since when." },
    handle: ({ db }) => state(db),
  }),
  defineEndpoint({
    operationId: "setOpenStatus",
    method: "PUT",
    path: "/open-status",
    tag: "Space",
    summary: "Open or close the space",
    description: "Needs space.open. Recorded with the token's owner (a service appears by its name), audited like the switch on the start page.",
    auth: "token",
    scope: "write:open-status",
    requestBody: { schema: ref("OpenStatusInput"), description: 'For example {"open": true, "message": "Open evening"}.' },
    problems: ["forbidden", "unsupported_media_type"],
    response: { schema: ref("OpenStatus"), description: "The state after the change." },
    async handle({ db, principal, viewer, body, now }) {
      if (!viewer.permissions.has("space.open")) throw new ApiProblem("forbidden", "Opening and closing the space needs space.open.");
      if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ApiProblem("invalid_request", 'Expected an object like {"open": true}.');
      // A person acts as themselves (the domain checks space.open again); a service like a door sensor, by name.
      const actor = principal!.kind === "person" ? { personId: principal!.personId! } : { sensorName: `service: ${principal!.name}` };
      const result = await setOpenStatus(db, actor, body as { open: boolean; message?: string }, now);
      if (!result.ok) throw new ApiProblem(result.code === "forbidden" ? "forbidden" : "invalid_request", result.message);
      return state(db);
    },
  }),
];
