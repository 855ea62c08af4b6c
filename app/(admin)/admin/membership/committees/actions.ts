"use server";

import { z } from "zod";
import { deleteCommittee, deleteFunction, resolvePersonRef, updateCommittee, updateFunction } from "@/lib/domain/people/committee-admin";
import { assignFunction, createCommittee, createFunction, endFunction } from "@/lib/domain/people/committee-service";
import type { Failure, Result } from "@/lib/domain/people/result";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { notifySubscribersSoon } from "@/lib/web/people-actions";
import { formIds, formText, peopleRefusal } from "@/lib/web/people-admin-actions";

// Who asks is checked here; what they may do, and the fields' rules, by the domain services.
const committeeLabels = { name: "pa.name", description: "pa.description" } as const;
const functionLabels = { name: "pa.function.name", roles: "pa.roles", person: "pa.holder.person", since: "pa.holder.since", until: "pa.holder.until" } as const;
const id = z.number().int().positive();
const revalidate = ["/admin/membership/committees"];
const committee = { caller: "user", labels: committeeLabels, refusals: peopleRefusal(committeeLabels, "committee"), revalidate } as const;
const fn = { caller: "user", labels: functionLabels, refusals: peopleRefusal(functionLabels, "function"), revalidate } as const;
const committeeForm = z.object({ name: z.string(), description: z.string() });
const readCommittee = (formData: FormData) => ({ name: formText(formData, "name"), description: formText(formData, "description") });
const functionForm = z.object({ name: z.string(), roleIds: z.array(z.number()) });
const readFunction = (formData: FormData) => ({ name: formText(formData, "name"), roleIds: formIds(formData, "roleId") });

/** The service's answer as the form's: on success subscribers hear of the change. */
async function done(result: Promise<Result>, t: Translate, message: "pa.saved" | "pa.deleted") {
  const outcome = await result;
  if (!outcome.ok) return outcome;
  notifySubscribersSoon();
  return { ok: true as const, message: t(message) };
}

export const createCommitteeAction = defineAction({
  ...committee,
  input: committeeForm,
  read: readCommittee,
  run: ({ actor, db, t, input }) => done(createCommittee(db, actor.personId, input), t, "pa.saved"),
});

export const updateCommitteeAction = defineAction({
  ...committee,
  input: committeeForm,
  read: readCommittee,
  bound: z.tuple([id]),
  run: ({ actor, db, t, input }, committeeId) => done(updateCommittee(db, actor.personId, committeeId, input), t, "pa.saved"),
});

export const deleteCommitteeAction = defineAction({
  ...committee,
  input: z.object({}),
  bound: z.tuple([id]),
  run: ({ actor, db, t }, committeeId) => done(deleteCommittee(db, actor.personId, committeeId), t, "pa.deleted"),
});

export const createFunctionAction = defineAction({
  ...fn,
  input: functionForm,
  read: readFunction,
  bound: z.tuple([id]),
  run: ({ actor, db, t, input }, committeeId) => done(createFunction(db, actor.personId, { committeeId, ...input }), t, "pa.saved"),
});

export const updateFunctionAction = defineAction({
  ...fn,
  input: functionForm,
  read: readFunction,
  bound: z.tuple([id]),
  run: ({ actor, db, t, input }, functionId) => done(updateFunction(db, actor.personId, functionId, input), t, "pa.saved"),
});

export const deleteFunctionAction = defineAction({
  ...fn,
  input: z.object({}),
  bound: z.tuple([id]),
  run: ({ actor, db, t }, functionId) => done(deleteFunction(db, actor.personId, functionId), t, "pa.deleted"),
});

/** Someone takes up a function: the admin names them by member number, email or #id. */
export const assignFunctionAction = defineAction({
  ...fn,
  // Who asks comes first: otherwise anyone could probe which numbers and emails exist.
  caller: "members.write",
  input: z.object({ person: z.string(), since: z.string(), until: z.string() }),
  read: (formData) => ({ person: formText(formData, "person"), since: formText(formData, "since"), until: formText(formData, "until") }),
  bound: z.tuple([id]),
  refusals: (refusal: Failure, t) =>
    refusal.code === "not_found" && refusal.field === "person" ? t("pa.holder.unknown") : peopleRefusal(functionLabels, "function")(refusal, t),
  async run({ actor, db, t, input }, functionId) {
    const personId = await resolvePersonRef(db, input.person);
    if (personId === null) return { ok: false, code: "not_found", message: "No such person.", field: "person" } satisfies Failure;
    return done(assignFunction(db, actor.personId, { functionId, personId, since: input.since, until: input.until || null }), t, "pa.saved");
  },
});

export const endFunctionAction = defineAction({
  ...fn,
  input: z.object({ until: z.string() }),
  read: (formData) => ({ until: formText(formData, "until") }),
  bound: z.tuple([id]),
  run: ({ actor, db, t, input }, holderId) => done(endFunction(db, actor.personId, holderId, input.until), t, "pa.saved"),
});
