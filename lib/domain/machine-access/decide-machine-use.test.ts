import { describe, expect, it } from "vitest";
import { boardDecision, decideMachineUse, type AuthorizationFact, type MachineUseFacts } from "./decide-machine-use";

const now = new Date("2026-06-15T12:00:00Z");
const months = (n: number) => new Date(Date.UTC(2026, 5 + n, 15, 12));
const auth = (over: Partial<AuthorizationFact> = {}): AuthorizationFact => ({
  level: "user",
  grantedAt: months(-6),
  expiresAt: null,
  revokedAt: null,
  ...over,
});

interface Overrides {
  card?: Partial<NonNullable<MachineUseFacts["card"]>> | null;
  person?: Partial<NonNullable<MachineUseFacts["person"]>> | null;
  machine?: Partial<MachineUseFacts["machine"]>;
  authorizations?: AuthorizationFact[];
  lastUsedAt?: Date;
}

function facts(over: Overrides = {}): MachineUseFacts {
  return {
    now,
    card: over.card === null ? null : { state: "active", ...over.card },
    person: over.person === null ? null : { mayUseMachines: true, isAdmin: false, ...over.person },
    machine: { blocked: false, maintenanceOverdue: false, noAuthorizationNeeded: false, expiresWithoutUseMonths: null, ...over.machine },
    authorizations: over.authorizations ?? [auth()],
    lastUsedAt: over.lastUsedAt ?? null,
  };
}

describe("decideMachineUse", () => {
  it.each<[string, MachineUseFacts, ReturnType<typeof decideMachineUse>]>([
    ["trained user", facts(), { allowed: true, level: 1 }],
    ["owner", facts({ authorizations: [auth(), auth({ level: "owner" })] }), { allowed: true, level: 2 }],
    ["trainer who is no owner uses at user level", facts({ authorizations: [auth({ level: "trainer" })] }), { allowed: true, level: 1 }],
    ["administrator", facts({ person: { isAdmin: true }, authorizations: [] }), { allowed: true, level: 3 }],
    ["no authorization needed", facts({ machine: { noAuthorizationNeeded: true }, authorizations: [] }), { allowed: true, level: 1 }],
    ["authorization not yet expired", facts({ authorizations: [auth({ expiresAt: months(1) })] }), { allowed: true, level: 1 }],
    [
      "owner may use a machine due for maintenance",
      facts({ machine: { maintenanceOverdue: true }, authorizations: [auth({ level: "owner" })] }),
      { allowed: true, level: 2 },
    ],
    ["admin may use a machine due for maintenance", facts({ machine: { maintenanceOverdue: true }, person: { isAdmin: true } }), { allowed: true, level: 3 }],
    [
      "used recently enough",
      facts({ machine: { expiresWithoutUseMonths: 6 }, authorizations: [auth({ grantedAt: months(-12) })], lastUsedAt: months(-2) }),
      { allowed: true, level: 1 },
    ],

    ["unknown card", facts({ card: null, person: null }), { allowed: false, reason: "unknown_card" }],
    ["lost card", facts({ card: { state: "lost" } }), { allowed: false, reason: "card_revoked" }],
    ["revoked card", facts({ card: { state: "revoked" } }), { allowed: false, reason: "card_revoked" }],
    ["status does not allow machines", facts({ person: { mayUseMachines: false } }), { allowed: false, reason: "status_forbids" }],
    ["even an admin with such a status", facts({ person: { mayUseMachines: false, isAdmin: true } }), { allowed: false, reason: "status_forbids" }],
    ["machine blocked", facts({ machine: { blocked: true } }), { allowed: false, reason: "machine_blocked" }],
    [
      "blocked for owners too",
      facts({ machine: { blocked: true }, authorizations: [auth({ level: "owner" })] }),
      { allowed: false, reason: "machine_blocked" },
    ],
    ["never trained", facts({ authorizations: [] }), { allowed: false, reason: "not_trained" }],
    ["revoked authorization", facts({ authorizations: [auth({ revokedAt: months(-1) })] }), { allowed: false, reason: "not_trained" }],
    ["expired authorization", facts({ authorizations: [auth({ expiresAt: months(-1) })] }), { allowed: false, reason: "authorization_expired" }],
    [
      "expired after months without use",
      facts({ machine: { expiresWithoutUseMonths: 3 }, authorizations: [auth({ grantedAt: months(-12) })], lastUsedAt: months(-4) }),
      { allowed: false, reason: "authorization_expired" },
    ],
    ["maintenance overdue and only a user", facts({ machine: { maintenanceOverdue: true } }), { allowed: false, reason: "maintenance_overdue" }],
    [
      "maintenance overdue, no authorization needed",
      facts({ machine: { maintenanceOverdue: true, noAuthorizationNeeded: true }, authorizations: [] }),
      { allowed: false, reason: "maintenance_overdue" },
    ],
  ])("%s", (_name, input, expected) => {
    expect(decideMachineUse(input)).toEqual(expected);
  });
});

describe("boardDecision: what the board is told", () => {
  it("answers a user on a machine due for maintenance valid at level 1 (the firmware blocks by itself); other refusals stay", () => {
    expect(boardDecision(decideMachineUse(facts({ machine: { maintenanceOverdue: true } })))).toEqual({ allowed: true, level: 1 });
    expect(boardDecision(decideMachineUse(facts({ machine: { blocked: true } })))).toEqual({ allowed: false, reason: "machine_blocked" });
    expect(boardDecision(decideMachineUse(facts({ machine: { maintenanceOverdue: true }, authorizations: [auth({ level: "owner" })] })))).toEqual({
      allowed: true,
      level: 2,
    });
  });
});
