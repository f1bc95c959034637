import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 144 random bits, URL-safe: room ids, facilitator keys and viewer keys alike. */
export function newSecret(): string {
  return randomBytes(18).toString('base64url');
}

/** Room ids and keys are exactly what newSecret makes (or longer); anything else is refused before the store is touched. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export function isWellFormedSecret(value: unknown): value is string {
  return typeof value === 'string' && SECRET_PATTERN.test(value);
}

/** Keys are high-entropy random strings, so one SHA-256 suffices; only the hash is stored. */
export function hashKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

export function keyMatches(key: string, storedHash: Buffer): boolean {
  const given = hashKey(key);
  return given.length === storedHash.length && timingSafeEqual(given, storedHash);
}
