import { z } from "zod";
import { isPermission } from "../access/permissions";
import { isOidcScope } from "./scopes";

/**
 * A redirect URI as the client will send it: absolute http(s), no fragment (RFC 6749 §3.1.2), no user or password.
 * It is kept exactly as typed and compared exactly, so "…/callback" and "…/callback/" are different addresses.
 */
/** What the schema's refines say when they refuse (a form turns them into its own words beside the field). */
export const CLIENT_REFUSALS = {
  absolute: "an absolute http:// or https:// address",
  fragment: "no #fragment in a redirect address",
  credentials: "no user or password in the address",
  scope: "unknown scope",
  permission: "unknown permission",
} as const;

const redirectUri = z
  .string()
  .trim()
  .max(2000, "at most 2000 characters")
  .refine((u) => URL.canParse(u) && ["http:", "https:"].includes(new URL(u).protocol), CLIENT_REFUSALS.absolute)
  .refine((u) => !u.includes("#"), CLIENT_REFUSALS.fragment)
  .refine((u) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password), CLIENT_REFUSALS.credentials);

const uriList = (min: number) =>
  z
    .array(redirectUri)
    .min(min, "at least one address")
    .max(10, "at most 10 addresses")
    .transform((list) => [...new Set(list)]);

export const oidcClientInput = z.object({
  name: z.string().trim().min(1, "required").max(80, "at most 80 characters"),
  kind: z.enum(["confidential", "public"]),
  redirectUris: uriList(1),
  postLogoutRedirectUris: uriList(0).default([]),
  /** Back-channel logout: where the service wants a logout token POSTed when the person's space sessions end. */
  backchannelLogoutUri: z
    .string()
    .trim()
    .default("")
    .pipe(z.union([z.literal(""), redirectUri]))
    .transform((u) => u || null),
  allowedScopes: z
    .array(z.string())
    .refine((s) => s.every(isOidcScope), CLIENT_REFUSALS.scope)
    .transform((s) => [...new Set(["openid", ...s])]),
  allowedStatusIds: z.array(z.coerce.number().int().positive()).default([]),
  requiredPermission: z
    .string()
    .trim()
    .default("")
    .refine((p) => p === "" || isPermission(p), CLIENT_REFUSALS.permission)
    .transform((p) => p || null),
  refreshTokens: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type OidcClientInput = z.input<typeof oidcClientInput>;
export type OidcClientValues = z.output<typeof oidcClientInput>;

/** One address per line (or separated by spaces), as an admin pastes them from the other service's settings. */
export function uriLines(text: string): string[] {
  return text
    .split(/\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
