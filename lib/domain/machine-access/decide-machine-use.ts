/**
 * THE rule: may this card's holder use this machine now, and at which board level?
 * Pure: the web app ("test a card on a machine"), the broker and its offline snapshot all call this one function.
 */

export type RelationshipLevel = "user" | "owner" | "trainer";

export interface AuthorizationFact {
  level: RelationshipLevel;
  grantedAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface MachineUseFacts {
  now: Date;
  /** null: nobody holds a card with this uid. */
  card: { state: "active" | "lost" | "revoked" } | null;
  person: { mayUseMachines: boolean; isAdmin: boolean } | null;
  machine: { blocked: boolean; maintenanceOverdue: boolean; noAuthorizationNeeded: boolean; expiresWithoutUseMonths: number | null };
  /** Every authorization record of the person on the machine's equipment type, current or not. */
  authorizations: AuthorizationFact[];
  /** Last time the person used a machine of this type (for "expires after N months without use"). */
  lastUsedAt: Date | null;
}

/** Board levels: 1 trained user, 2 owner (may use a machine due for maintenance and record it), 3 administrator. */
export type BoardLevel = 1 | 2 | 3;

export type DenialReason =
  "unknown_card" | "card_revoked" | "status_forbids" | "machine_blocked" | "not_trained" | "authorization_expired" | "maintenance_overdue";

export type MachineUseDecision = { allowed: true; level: BoardLevel } | { allowed: false; reason: DenialReason };

export function isAuthorizationCurrent(a: AuthorizationFact, now: Date): boolean {
  return a.revokedAt === null && (a.expiresAt === null || a.expiresAt > now);
}

export function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

function unusedTooLong(facts: MachineUseFacts, grantedAt: Date): boolean {
  const months = facts.machine.expiresWithoutUseMonths;
  if (!months) return false;
  const lastActivity = facts.lastUsedAt && facts.lastUsedAt > grantedAt ? facts.lastUsedAt : grantedAt;
  return addMonths(lastActivity, months) <= facts.now;
}

export function decideMachineUse(facts: MachineUseFacts): MachineUseDecision {
  if (!facts.card || !facts.person) return { allowed: false, reason: "unknown_card" };
  if (facts.card.state !== "active") return { allowed: false, reason: "card_revoked" };
  if (!facts.person.mayUseMachines) return { allowed: false, reason: "status_forbids" };
  if (facts.machine.blocked) return { allowed: false, reason: "machine_blocked" };

  const current = facts.authorizations.filter((a) => isAuthorizationCurrent(a, facts.now) && !unusedTooLong(facts, a.grantedAt));
  let level: BoardLevel | 0 = 0;
  if (facts.person.isAdmin) level = 3;
  else if (current.some((a) => a.level === "owner")) level = 2;
  else if (current.length > 0 || facts.machine.noAuthorizationNeeded) level = 1;

  if (level === 0) {
    const hadOne = facts.authorizations.some((a) => a.revokedAt === null);
    return { allowed: false, reason: hadOne ? "authorization_expired" : "not_trained" };
  }
  if (facts.machine.maintenanceOverdue && level < 2) return { allowed: false, reason: "maintenance_overdue" };
  return { allowed: true, level };
}

/**
 * What a board is told (checkuser, synccache): the firmware itself keeps level-1 users off while checkmachine says
 * `maintenance:true` (builds may turn that off), and a refusal would drop the card from its offline cache. So a
 * trained user on a machine due for maintenance is valid at level 1, as the Fab-O-Matic backend answers.
 */
export function boardDecision(decision: MachineUseDecision): MachineUseDecision {
  return !decision.allowed && decision.reason === "maintenance_overdue" ? { allowed: true, level: 1 } : decision;
}
