import { viewScopeOf } from "@/lib/domain/access/view-rights";
import { listDirectoryPage, viewPerson, type DirectoryEntry, type DirectoryKey } from "@/lib/domain/people/directory";
import { listPeoplePage, peopleFilterSchema, SORTS } from "@/lib/domain/people/people-list";
import { listStatuses } from "@/lib/domain/people/reference-service";
import { decodeCursor, DEFAULT_LIMIT, encodeCursor, pageParams, querySignature } from "../cursor";
import { defineEndpoint } from "../endpoint";
import { param } from "../params";
import { ApiProblem } from "../problem";
import { pageOf, ref } from "../schemas";

/** A directory entry as the API shows it: only the fields the viewer may see; the photo file stays internal. */
function member(e: DirectoryEntry) {
  const { photo, partner, ...fields } = e.fields;
  return {
    id: e.personId,
    memberNumber: e.memberNumber,
    ...fields,
    ...(photo !== undefined ? { hasPhoto: photo !== null } : {}),
    ...(partner !== undefined ? { partnerId: partner } : {}),
  };
}

const idParam = { id: param.integer({ description: "The person's id.", example: "1" }) };

export const peopleEndpoints = [
  defineEndpoint({
    operationId: "listMembers",
    method: "GET",
    path: "/members",
    tag: "People",
    summary: "The member directory",
    description:
      "People whose membership status appears in the directory, by name. Each shows only the fields the person's visibility settings show to the token's owner (the same rule as the directory page).",
    auth: "token",
    scope: "read:people",
    query: { ...pageParams },
    response: { schema: pageOf("Member"), description: "A page of the directory." },
    async handle({ db, viewer, query, search }) {
      const signature = querySignature("listMembers", search);
      const after = decodeCursor(query.cursor, signature, 3) as DirectoryKey | null;
      const page = await listDirectoryPage(db, viewer, { after, limit: query.limit ?? DEFAULT_LIMIT });
      return { data: page.entries.map(member), nextCursor: page.next ? encodeCursor(signature, page.next) : null };
    },
  }),
  defineEndpoint({
    operationId: "listPeople",
    method: "GET",
    path: "/people",
    tag: "People",
    summary: "Everyone's records (for the board)",
    description: "The admin people list with its search and filters: every person, whatever their status. Needs members.read.",
    auth: "token",
    scope: "read:people",
    query: {
      q: param.string({ maxLength: 200, description: "Search: name, email, member number or a card uid the person ever held." }),
      status: param.integer({ description: "Membership status id (see /statuses)." }),
      type: param.integer({ description: "Membership type id held today." }),
      committee: param.integer({ description: "Committee id: people holding one of its functions today." }),
      trained: param.integer({ description: "Equipment type id: people with a current authorization on it." }),
      study: param.integer({ description: "Field of study id: people who study or studied it." }),
      sort: param.enum(SORTS, { default: "name", description: "Order of the list." }),
      dir: param.enum(["asc", "desc"], { default: "asc", description: "Direction of the order." }),
      ...pageParams,
    },
    problems: ["forbidden"],
    response: { schema: pageOf("PersonRow"), description: "A page of people." },
    async handle({ db, viewer, query, search, now }) {
      if (!viewer.permissions.has("members.read")) throw new ApiProblem("forbidden", "The people list needs members.read; the directory is at /members.");
      const signature = querySignature("listPeople", search);
      const after = decodeCursor(query.cursor, signature, query.sort === "status" ? 4 : query.sort === "number" || query.sort === "joined" ? 2 : 3);
      const filter = peopleFilterSchema.parse({
        q: query.q ?? "",
        status: query.status,
        type: query.type,
        committee: query.committee,
        trained: query.trained,
        study: query.study,
        sort: query.sort,
        dir: query.dir,
      });
      // Only the groups the token's owner may see (view rights); a service is bounded by its permissions alone.
      const scope = viewer.personId !== null ? await viewScopeOf(db, viewer.personId, now) : undefined;
      const page = await listPeoplePage(db, { ...filter, scope }, { after, limit: query.limit ?? DEFAULT_LIMIT }, now);
      return {
        data: page.rows.map((r) => ({
          id: r.personId,
          memberNumber: r.memberNumber,
          firstName: r.firstName,
          lastName: r.lastName,
          email: r.email,
          status: { key: r.statusKey, name: r.statusName },
          joinedOn: r.joinedOn,
        })),
        nextCursor: page.next ? encodeCursor(signature, page.next) : null,
      };
    },
  }),
  defineEndpoint({
    operationId: "getPerson",
    method: "GET",
    path: "/people/{id}",
    tag: "People",
    summary: "One person",
    description: "A person as the token's owner may see them (visibility per field). Not found when the viewer may not even see the name.",
    auth: "token",
    scope: "read:people",
    pathParams: idParam,
    problems: ["not_found"],
    response: { schema: ref("Member"), description: "The person." },
    async handle({ db, viewer, path }) {
      const entry = await viewPerson(db, viewer, path.id);
      if (!entry) throw new ApiProblem("not_found", "No person with this id that you may see.");
      return member(entry);
    },
  }),
  defineEndpoint({
    operationId: "listStatuses",
    method: "GET",
    path: "/statuses",
    tag: "People",
    summary: "Membership statuses",
    description: "The statuses and what each allows.",
    auth: "token",
    scope: "read:people",
    response: {
      schema: { type: "object", required: ["data"], properties: { data: { type: "array", items: ref("Status") } }, additionalProperties: false },
      description: "All statuses in their order.",
    },
    async handle({ db }) {
      const rows = await listStatuses(db);
      return {
        data: rows.map((s) => ({
          id: s.id,
          key: s.key,
          name: s.name,
          mayLogIn: s.mayLogIn,
          mayUseMachines: s.mayUseMachines,
          inDirectory: s.inDirectory,
          mayVote: s.mayVote,
        })),
      };
    },
  }),
];
