/** Where this device keeps its seat secret for a room. */
const storageKey = (roomId: string) => `okr:seat:${roomId}`;

/**
 * This device's seat secret for the room: made once, kept in localStorage, so a reload (or a new
 * tab) keeps the same seat. It goes to the server only inside the ticket request, never in a URL.
 * Without storage (private mode that refuses it) the secret lasts for this page only.
 */
export function seatSecretFor(roomId: string): string {
  const key = storageKey(roomId);
  const stored = readStorage(key);
  if (stored && /^[A-Za-z0-9_-]{22,64}$/.test(stored)) return stored;
  const secret = newSeatSecret();
  writeStorage(key, secret);
  return secret;
}

/** Takes over a seat the facilitator handed over (its secret, from a seat link) on this device. */
export function adoptSeatSecret(roomId: string, secret: string): void {
  writeStorage(storageKey(roomId), secret);
}

function newSeatSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage refused: the secret lives for this page, and a reload gets a new seat.
  }
}
