import { hash, verify } from "@node-rs/argon2";

// algorithm 2 is argon2id (the package exports it as an ambient const enum), with OWASP's suggested minimum cost: 19 MiB, 2 passes.
const OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows, verified when the account does not exist so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("no account has this password");
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}
