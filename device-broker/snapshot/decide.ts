import { boardDecision, decideMachineUse, isAuthorizationCurrent, type MachineUseDecision } from "@/lib/domain/machine-access/decide-machine-use";
import type { MachineView } from "@/lib/domain/machine-access/machine-view";
import { byRecentUse, SYNC_CACHE_MAX_CARDS, type AllowedCard } from "@/lib/domain/machine-access/allowed-cards";
import { personTypeKey, type CardSnap, type MachineSnap, type SnapshotData } from "./load-snapshot";

/*
 * The database-path queries (loadMachineUseFacts, firstNameOfCard, cardHolderId, allowedCardsOnMachine,
 * getMachineByBoardId) answered from a loaded snapshot, feeding the same decideMachineUse.
 */

/** The card record a decision looks at: an active one wins over an old lost one (as `order by state`). */
export function decisionCard(data: SnapshotData, uid: string): CardSnap | null {
  const list = data.cards.get(uid);
  if (!list) return null;
  return list.reduce((best, c) => (c.state < best.state ? c : best));
}

/** cardHolderId: the person who holds (or last held) the uid — active first, then the latest issued. */
export function holderOf(data: SnapshotData, uid: string): number | null {
  const list = data.cards.get(uid);
  if (!list) return null;
  const rank = (c: CardSnap) => [c.state === "active" ? 1 : 0, c.issuedAt] as const;
  let best = list[0]!;
  for (const c of list) {
    const [a, b] = [rank(c), rank(best)];
    if (a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])) best = c;
  }
  return best.personId;
}

function isAdmin(data: SnapshotData, personId: number, now: Date): boolean {
  if (data.adminsByRole.has(personId)) return true;
  return (data.systemAuths.get(personId) ?? []).some((a) => isAuthorizationCurrent(a, now));
}

export function decideOnMachine(data: SnapshotData, machine: MachineSnap, uid: string, now: Date): MachineUseDecision {
  const machineFacts = {
    blocked: machine.blocked,
    maintenanceOverdue: machine.overdue.length > 0,
    noAuthorizationNeeded: machine.noAuthorizationNeeded,
    expiresWithoutUseMonths: machine.expiresWithoutUseMonths,
  };
  const card = decisionCard(data, uid);
  const person = card ? data.people.get(card.personId) : undefined;
  if (!card || !person) return decideMachineUse({ now, card: null, person: null, machine: machineFacts, authorizations: [], lastUsedAt: null });
  const key = personTypeKey(card.personId, machine.equipmentTypeId);
  return decideMachineUse({
    now,
    card: { state: card.state },
    person: { mayUseMachines: person.mayUseMachines, isAdmin: isAdmin(data, card.personId, now) },
    machine: machineFacts,
    authorizations: data.auths.get(key) ?? [],
    lastUsedAt: data.lastUse.get(key) ?? null,
  });
}

/** firstNameOfCard: the active card's holder's first name, or "Member" for an erased profile. */
export function firstNameOf(data: SnapshotData, uid: string): string {
  const active = data.cards.get(uid)?.find((c) => c.state === "active");
  return (active && data.people.get(active.personId)?.firstName.trim()) || "Member";
}

export function machineViewOf(machine: MachineSnap): MachineView {
  return {
    machineId: machine.id,
    boardId: machine.boardId,
    name: machine.name,
    blocked: machine.blocked,
    autoLogoffMinutes: machine.autoLogoffMinutes,
    graceMinutes: machine.graceMinutes,
    boardKind: machine.boardKind,
    overduePlans: machine.overdue.map((lcdText) => ({ lcdText })),
  };
}

/** allowedCardsOnMachine from the snapshot: active cards the rule lets on (as a board is told), most recently used first, capped. */
export function allowedCards(data: SnapshotData, machine: MachineSnap, now: Date): AllowedCard[] {
  if (machine.blocked) return [];
  const allowed: AllowedCard[] = [];
  for (const [uid, list] of data.cards) {
    if (!list.some((c) => c.state === "active")) continue;
    const decision = boardDecision(decideOnMachine(data, machine, uid, now));
    if (!decision.allowed) continue;
    const card = decisionCard(data, uid)!;
    const lastUsedAt = data.lastUse.get(personTypeKey(card.personId, machine.equipmentTypeId)) ?? null;
    allowed.push({ uid, level: decision.level, lastUsedAt });
  }
  return allowed.sort(byRecentUse).slice(0, SYNC_CACHE_MAX_CARDS);
}
