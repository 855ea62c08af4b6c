import { Algorithm, hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's suggested minimum cost: 19 MiB, 2 passes.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

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
