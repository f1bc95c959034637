import { hashKey, keyMatches, newSecret } from '../store/keys.ts';
import type { KeyChange, RoomKeyRow, RoomStore } from '../store/roomStore.ts';
import { openLinks, sealLinks, type LinkSecrets } from '../store/sealedLinks.ts';

/** The links a facilitator (or, for the facilitator link, an operator) can replace. */
export type RotatableLink = 'participant' | 'viewer' | 'facilitator';

/** A room's keys after a rotation; `viewerKey` is null only for a room made before links were sealed and never rotated since. */
export type RoomKeys = { roomId: string; facilitatorKey: string } & LinkSecrets;

export class UnknownRoomError extends Error {
  override name = 'UnknownRoomError';
}

/** The facilitator key a rotation was asked with was itself rotated away first: the earlier rotation stands (410 for the asker). */
export class RotatedMeanwhileError extends Error {
  override name = 'RotatedMeanwhileError';
}

/** What a rotation writes and the keys after it, planned from the key row as it is under the lock. */
export type KeyPlan = (row: RoomKeyRow) => { keys: RoomKeys; change: KeyChange };

/** The viewer and participant keys a facilitator key can read; nulls when they were never sealed (rooms made before). */
export function readLinkSecrets(store: RoomStore, roomId: string, facilitatorKey: string): LinkSecrets {
  return linkSecretsOf(store.keyRow(roomId), roomId, facilitatorKey);
}

/** readLinkSecrets from a key row of either store. */
export function linkSecretsOf(row: RoomKeyRow | undefined, roomId: string, facilitatorKey: string): LinkSecrets {
  const sealed = row?.sealedLinks;
  return (sealed && openLinks(sealed, facilitatorKey, roomId)) ?? { viewerKey: null, participantKey: null };
}

/**
 * Replaces one link's key, revokes the old one and re-seals the links under the (new) facilitator
 * key. The caller holds the facilitator key: it has been checked.
 * Example: `rotateLink(store, roomId, key, 'viewer').viewerKey` is the new projector key.
 */
export function rotateLink(store: RoomStore, roomId: string, facilitatorKey: string, link: RotatableLink): RoomKeys {
  return changeKeysLocked(store, roomId, (row) => planRotation(row, roomId, facilitatorKey, link));
}

/**
 * Reads the key row, plans and writes the change in one write-locked (immediate) transaction, so
 * rotations from the server and the command-line tool (another process) take turns: each plans
 * from the keys the one before it wrote, never from a row about to be replaced (which would leave
 * a new hash beside sealed links that do not hold its key). Shared mode does the same under a row
 * lock (PgCatalog.changeKeys).
 */
function changeKeysLocked(store: RoomStore, roomId: string, plan: KeyPlan): RoomKeys {
  return store.exclusively(() => {
    const row = store.keyRow(roomId);
    if (!row) throw new UnknownRoomError(roomId);
    const { keys, change } = plan(row);
    store.changeKeys(roomId, change);
    return keys;
  });
}

/**
 * What rotating `link` writes and the keys after it. Throws RotatedMeanwhileError when
 * `facilitatorKey` no longer matches the row: a rotation sealed under it would hide the links from
 * the facilitator who rotated it away.
 */
export function planRotation(row: RoomKeyRow, roomId: string, facilitatorKey: string, link: RotatableLink): { keys: RoomKeys; change: KeyChange } {
  if (!keyMatches(facilitatorKey, row.facilitatorHash)) throw new RotatedMeanwhileError(`the facilitator key of room ${roomId} was rotated meanwhile`);
  const secrets = linkSecretsOf(row, roomId, facilitatorKey);
  const fresh = newSecret();
  if (link === 'facilitator') {
    return {
      keys: { roomId, facilitatorKey: fresh, ...secrets },
      change: { facilitatorHash: hashKey(fresh), sealedLinks: sealLinks(secrets, fresh, roomId), revoked: [row.facilitatorHash] },
    };
  }
  const next: LinkSecrets = link === 'viewer' ? { ...secrets, viewerKey: fresh } : { ...secrets, participantKey: fresh };
  const revoked = link === 'viewer' ? [row.viewerHash] : row.participantHash ? [row.participantHash] : [];
  return {
    keys: { roomId, facilitatorKey, ...next },
    change: {
      ...(link === 'viewer' ? { viewerHash: hashKey(fresh) } : { participantHash: hashKey(fresh) }),
      sealedLinks: sealLinks(next, facilitatorKey, roomId),
      revoked,
    },
  };
}

/**
 * The operator's recovery (`okr links --rotate-facilitator`): a new facilitator key without the old
 * one. The projector and participant keys were sealed under the old key, so whoever held it could
 * read them: they are replaced too (a participant link is replaced only if it was ever rotated;
 * `/r/<roomId>` stays open otherwise).
 */
export function reissueFacilitator(store: RoomStore, roomId: string): RoomKeys {
  return changeKeysLocked(store, roomId, (row) => planReissue(row, roomId));
}

/** What reissueFacilitator writes and the keys after it. */
export function planReissue(row: RoomKeyRow, roomId: string): { keys: RoomKeys; change: KeyChange } {
  const keys: RoomKeys = { roomId, facilitatorKey: newSecret(), viewerKey: newSecret(), participantKey: row.participantHash ? newSecret() : null };
  const change: KeyChange = {
    facilitatorHash: hashKey(keys.facilitatorKey),
    viewerHash: hashKey(keys.viewerKey ?? ''),
    ...(keys.participantKey ? { participantHash: hashKey(keys.participantKey) } : {}),
    sealedLinks: sealLinks({ viewerKey: keys.viewerKey, participantKey: keys.participantKey }, keys.facilitatorKey, roomId),
    revoked: [row.facilitatorHash, row.viewerHash, ...(row.participantHash ? [row.participantHash] : [])],
  };
  return { keys, change };
}
