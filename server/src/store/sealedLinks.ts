import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The room's other secrets, readable only with its facilitator key. */
export type LinkSecrets = { viewerKey: string | null; participantKey: string | null };

const INFO = 'okr-workshop-board/room-links/v1';

/** AES-256-GCM key from the facilitator key (HKDF-SHA256, salted with the room id, so each room's key differs). */
function sealingKey(facilitatorKey: string, roomId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', facilitatorKey, roomId, INFO, 32));
}

/** Encrypts the viewer and participant keys under the facilitator key: `nonce (12) | tag (16) | ciphertext`. */
export function sealLinks(secrets: LinkSecrets, facilitatorKey: string, roomId: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(facilitatorKey, roomId), nonce);
  cipher.setAAD(Buffer.from(roomId));
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

/** The secrets sealed under `facilitatorKey`, or undefined when that key (or the room) does not open them. */
export function openLinks(sealed: Buffer, facilitatorKey: string, roomId: string): LinkSecrets | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(facilitatorKey, roomId), sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(roomId));
    decipher.setAuthTag(sealed.subarray(12, 28));
    const text = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    return JSON.parse(text) as LinkSecrets;
  } catch {
    return undefined;
  }
}
