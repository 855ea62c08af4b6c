import { describe, expect, it } from "vitest";
import { decideSignup, type SignupDecision, type SignupFacts } from "./decide-signup";

const now = new Date("2026-06-15T12:00:00Z");
const startsAt = new Date("2026-06-20T16:00:00Z");
const endsAt = new Date("2026-06-20T18:00:00Z");

interface Overrides {
  session?: Partial<SignupFacts["session"]>;
  person?: Partial<SignupFacts["person"]>;
  missingPrerequisites?: SignupFacts["missingPrerequisites"];
  hasActiveSignup?: boolean;
  currentAuthorizationExpiresAt?: Date | null;
}

function facts(over: Overrides = {}): SignupFacts {
  return {
    now,
    session: { startsAt, endsAt, cancelled: false, level: "user", typePurpose: "equipment", capacity: 4, seatsTaken: 0, ...over.session },
    person: { statusKey: "member", mayUseMachines: true, ...over.person },
    missingPrerequisites: over.missingPrerequisites ?? [],
    hasActiveSignup: over.hasActiveSignup ?? false,
    ...("currentAuthorizationExpiresAt" in over ? { currentAuthorizationExpiresAt: over.currentAuthorizationExpiresAt } : {}),
  };
}

const applicant = { statusKey: "applicant", mayUseMachines: false };

describe("decideSignup", () => {
  it.each<[string, SignupFacts, SignupDecision]>([
    ["a member with a free seat", facts(), { ok: true, status: "signed_up" }],
    ["the last seat", facts({ session: { capacity: 4, seatsTaken: 3 } }), { ok: true, status: "signed_up" }],
    ["a full session puts you on the waitlist", facts({ session: { capacity: 4, seatsTaken: 4 } }), { ok: true, status: "waitlisted" }],
    [
      "an applicant may take the organisation's induction",
      facts({ person: applicant, session: { typePurpose: "organisation" } }),
      { ok: true, status: "signed_up" },
    ],
    [
      "renewing an authorization that runs out before the session ends",
      facts({ currentAuthorizationExpiresAt: new Date("2026-06-20T17:00:00Z") }),
      { ok: true, status: "signed_up" },
    ],
    ["prerequisites met", facts({ session: { level: "owner" }, missingPrerequisites: [] }), { ok: true, status: "signed_up" }],

    ["cancelled session", facts({ session: { cancelled: true } }), { ok: false, reason: "session_cancelled" }],
    ["session already started", facts({ session: { startsAt: now } }), { ok: false, reason: "session_past" }],
    ["session in the past", facts({ session: { startsAt: new Date("2026-06-01T10:00:00Z") } }), { ok: false, reason: "session_past" }],
    ["signing up twice", facts({ hasActiveSignup: true }), { ok: false, reason: "already_signed_up" }],
    ["an applicant on a machine", facts({ person: applicant }), { ok: false, reason: "status_forbids" }],
    ["a supporting member on a machine", facts({ person: { statusKey: "supporting", mayUseMachines: false } }), { ok: false, reason: "status_forbids" }],
    [
      "a supporting member on the induction",
      facts({ person: { statusKey: "supporting", mayUseMachines: false }, session: { typePurpose: "organisation" } }),
      { ok: false, reason: "status_forbids" },
    ],
    [
      "missing prerequisites",
      facts({ session: { level: "owner" }, missingPrerequisites: [{ equipmentTypeId: 3, typeName: "Laser cutter", level: "user" }] }),
      { ok: false, reason: "missing_prerequisites" },
    ],
    ["already holds it for good", facts({ currentAuthorizationExpiresAt: null }), { ok: false, reason: "already_authorized" }],
    [
      "already holds it past the session",
      facts({ currentAuthorizationExpiresAt: new Date("2027-01-01T00:00:00Z") }),
      { ok: false, reason: "already_authorized" },
    ],
  ])("%s", (_name, input, expected) => {
    expect(decideSignup(input)).toEqual(expected);
  });
});
