import { env } from "@/lib/env";
import { loadOrCreateAuthSecret } from "@/lib/secrets/auth-secret";

let secret: string | undefined;

/** AUTH_SECRET from the environment (the launcher always sets it); otherwise one kept in DATA_DIR. */
export function authSecret(): string {
  secret ??= env().AUTH_SECRET ?? loadOrCreateAuthSecret(env().DATA_DIR);
  return secret;
}
