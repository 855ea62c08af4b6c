import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { permissionsOfPerson } from "../access/person-permissions";
import type { Permission } from "../access/permissions";

/** Expected failures of community services: a code for the UI's message catalog plus plain English. */
export type CommunityFailureCode =
  | "forbidden"
  | "invalid"
  | "not_found"
  | "not_eligible"
  | "not_open"
  | "already_voted"
  | "too_many_choices"
  | "unauthorized"
  | "duplicate_name";
export type Failure = { ok: false; code: CommunityFailureCode; message: string };
export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

export function fail(code: CommunityFailureCode, message: string): Failure {
  return { ok: false, code, message };
}

/** Authorization inside the domain: every write asks this, never only the page that showed the form. */
export async function hasPermission(db: Db, personId: number, permission: Permission): Promise<boolean> {
  return (await permissionsOfPerson(db, personId)).has(permission);
}

export const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** 32 random bytes, URL-safe: sensor tokens and vote receipts. */
export const newSecret = () => randomBytes(32).toString("base64url");

/** Zod issues as "field: problem; …" so a refusal says which input was wrong. */
export function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join(".") || "input"}: ${i.message}`).join("; ");
}
