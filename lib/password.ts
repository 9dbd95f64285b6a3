import { hash, verify } from "@node-rs/argon2";

/** Argon2id with the OWASP minimum: 19 MiB, 2 passes, 1 lane (docs/security.md). */
// algorithm 2 is Argon2id (a const enum in the typings, which isolated modules cannot read).
const params = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string) => hash(plain, params);

// Verifying against this when the account is unknown keeps the response time the same either way.
const decoy = "$argon2id$v=19$m=19456,t=2,p=1$hYhhTk3eOCe17iuus4rr9Q$An0r3MAIVSIeKiiWBjZ2zDl7+6f8RiOTKxUcDYhJUOM";

export async function verifyPassword(stored: string | null | undefined, plain: string): Promise<boolean> {
  try {
    const ok = await verify(stored ?? decoy, plain);
    return ok && stored != null;
  } catch {
    return false;
  }
}
