import { changedFields, type ImportPlan, type PersonValues, type PlanContext } from "./plan-types";
import { dateOf, mapRole, normalizeEmail, normalizeUid, placeholderUserId, statusKeyOf } from "./mapping";
import type { FabSource, FabUser } from "./source";
import { linkOf } from "./target-state";

type Wanted = Omit<PersonValues, "joinedOn" | "previousCardUid" | "previousRoleKey">;

const labelOf = (u: FabUser) => `${`${u.name} ${u.surname}`.trim() || "?"} (#${u.id})`;

/**
 * Users become people: names, email, card, status from disabled/deleted, a built-in role from their Fab-O-Matic
 * role. An email or card that belongs to someone here stays theirs: the person is imported without it (a conflict
 * in the report) and a later import takes it once it is free. Local edits of fields the file did not change stay.
 */
export function planPeople(ctx: PlanContext, source: FabSource, plan: ImportPlan): void {
  const placeholder = placeholderUserId(source);
  const roles = new Map(source.roles.map((r) => [r.id, r]));
  const firstUse = new Map<number, number>();
  for (const use of source.uses) firstUse.set(use.userId, Math.min(firstUse.get(use.userId) ?? Infinity, use.start));
  const emailOwner = new Map(ctx.state.emailOwner);
  const cardOwner = new Map(ctx.state.cardOwner);
  // Duplicates inside the file: the user with the lower id keeps the email or card.
  const emailInFile = new Map<string, number>();
  const cardInFile = new Map<string, number>();

  for (const user of [...source.users].sort((a, b) => a.id - b.id)) {
    const label = labelOf(user);
    if (user.id === placeholder) {
      ctx.report.skip("user", user.id, label, "placeholder_user");
      continue;
    }
    const email = normalizeEmail(user.email);
    if (email.invalid) ctx.report.note("user", user.id, label, "invalid_email", { email: user.email ?? "" });
    const card = normalizeUid(user.cardUid);
    if (card.invalid) ctx.report.note("user", user.id, label, "invalid_card", { card: user.cardUid ?? "" });
    const wanted: Wanted = {
      firstName: user.name.trim() || user.surname.trim() || `Fab-O-Matic user ${user.id}`,
      lastName: user.name.trim() ? user.surname.trim() : "",
      email: email.email,
      cardUid: card.uid,
      statusKey: statusKeyOf(user),
      roleKey: mapRole(roles.get(user.roleId)).roleKey,
    };
    if (wanted.email) {
      const first = emailInFile.get(wanted.email);
      if (first !== undefined) {
        ctx.report.conflict("user", user.id, label, "email_duplicate", { email: wanted.email, other: first });
        wanted.email = null;
      } else emailInFile.set(wanted.email, user.id);
    }
    if (wanted.cardUid) {
      const first = cardInFile.get(wanted.cardUid);
      if (first !== undefined) {
        ctx.report.conflict("user", user.id, label, "card_duplicate", { card: wanted.cardUid, other: first });
        wanted.cardUid = null;
      } else cardInFile.set(wanted.cardUid, user.id);
    }

    const link = linkOf(ctx.state, "user", user.id);
    if (link && (link.targetId === null || !ctx.state.alive.people.has(link.targetId))) {
      ctx.report.skip("user", user.id, label, "removed_here");
      continue;
    }
    const self = link?.targetId ?? null;
    const applied = { ...wanted };
    const previous = link?.data as Wanted | undefined;
    if (applied.email && applied.email !== previous?.email) {
      const owner = emailOwner.get(applied.email);
      if (owner !== undefined && owner !== self) {
        ctx.report.conflict("user", user.id, label, "email_taken", { email: applied.email, personId: owner });
        applied.email = previous?.email ?? null;
      } else if (self !== null && ctx.state.peopleWithLogin.has(self)) {
        ctx.report.conflict("user", user.id, label, "email_has_login", { email: applied.email });
        applied.email = previous?.email ?? null;
      }
    }
    if (applied.cardUid && applied.cardUid !== previous?.cardUid) {
      const owner = cardOwner.get(applied.cardUid);
      if (owner !== undefined && owner !== self) {
        ctx.report.conflict("user", user.id, label, "card_taken", { card: applied.cardUid, personId: owner });
        applied.cardUid = previous?.cardUid ?? null;
      }
    }
    // Claimed now, so a later user of the file cannot take them as well.
    if (applied.email) emailOwner.set(applied.email, self ?? -user.id);
    if (applied.cardUid) cardOwner.set(applied.cardUid, self ?? -user.id);
    ctx.present.users.add(String(user.id));

    if (!previous || self === null) {
      const joined = firstUse.get(user.id);
      plan.people.push({
        op: "create",
        sourceId: String(user.id),
        values: { ...applied, joinedOn: joined === undefined ? null : dateOf(joined) },
        data: applied,
      });
      ctx.report.count("user", "created");
      continue;
    }
    const fields = changedFields(previous, applied);
    if (fields.length === 0) {
      if (changedFields(previous, wanted).length === 0) ctx.report.count("user", "unchanged");
      continue;
    }
    const values: Partial<PersonValues> = { previousCardUid: previous.cardUid, previousRoleKey: previous.roleKey };
    for (const f of fields) Object.assign(values, { [f]: applied[f] });
    plan.people.push({ op: "update", sourceId: String(user.id), targetId: self, values, data: applied });
    ctx.report.updated("user", user.id, label, fields);
  }
}
