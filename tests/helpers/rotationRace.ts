import { expect } from 'vitest';
import { runOkr } from './cli.ts';
import type { RoomLinks } from './links.ts';

/** Every key handed out during a race, by link. */
export type IssuedKeys = { facilitator: string[]; viewer: string[]; participant: string[] };

export function issuedFrom(start: { facilitatorKey: string; viewerKey: string }): IssuedKeys {
  return { facilitator: [start.facilitatorKey], viewer: [start.viewerKey], participant: [] };
}

/** POST /rotate as the facilitator: the status, and the keys it handed out (recorded in `issued`) when it answered 200. */
export async function tryRotate(httpUrl: string, roomId: string, facilitatorKey: string, link: 'participant' | 'viewer' | 'facilitator', issued: IssuedKeys): Promise<number> {
  const res = await fetch(`${httpUrl}/api/rooms/${roomId}/rotate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${facilitatorKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ link }),
  });
  if (res.status === 200) record(issued, (await res.json()) as RoomLinks);
  else await res.text();
  return res.status;
}

/** `okr links --rotate-facilitator --json` in its own process; its keys recorded in `issued`. */
export async function reissueWithCli(roomId: string, dataDir: string, env: Record<string, string>, issued: IssuedKeys): Promise<void> {
  const result = await runOkr(['links', roomId, '--rotate-facilitator', '--json'], dataDir, env);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  record(issued, JSON.parse(result.stdout) as RoomLinks);
}

function record(issued: IssuedKeys, links: RoomLinks): void {
  if (!issued.facilitator.includes(links.facilitatorKey)) issued.facilitator.push(links.facilitatorKey);
  if (links.viewerKey && !issued.viewer.includes(links.viewerKey)) issued.viewer.push(links.viewerKey);
  if (links.participantKey && !issued.participant.includes(links.participantKey)) issued.participant.push(links.participantKey);
}

/**
 * After a race of rotations: exactly one facilitator key is current; the links it reads (sealed
 * under it) are the ones the stored hashes open; every other key ever issued answers 410 "rotated
 * away", none is left neither current nor revoked (401/404), which a half-applied rotation leaves.
 * Checked on each of `httpUrls`.
 */
export async function expectOneConsistentKeySet(httpUrls: string[], roomId: string, issued: IssuedKeys): Promise<RoomLinks> {
  let current: RoomLinks | undefined;
  for (const httpUrl of httpUrls) {
    const answers = await Promise.all(issued.facilitator.map((key) => fetch(`${httpUrl}/api/rooms/${roomId}/links`, { headers: { Authorization: `Bearer ${key}` } })));
    const open = answers.filter((res) => res.status === 200);
    expect(open, 'exactly one facilitator key opens the room').toHaveLength(1);
    expect(answers.map((res) => res.status).filter((status) => status !== 200 && status !== 410)).toEqual([]);
    current = (await open[0]!.json()) as RoomLinks;
    const viewer = await Promise.all(issued.viewer.map(async (key) => [key, (await fetch(`${httpUrl}/api/view/${key}`)).status] as const));
    const participant = await Promise.all(
      issued.participant.map(async (key) => [key, (await fetch(`${httpUrl}/api/rooms/${roomId}`, { headers: { Authorization: `Bearer ${key}` } })).status] as const),
    );
    const expected = (keys: readonly (readonly [string, number])[], live: string | null) => keys.map(([key]) => [key, key === live ? 200 : 410]);
    expect(viewer, 'viewer keys').toEqual(expected(viewer, current.viewerKey));
    expect(participant, 'participant keys').toEqual(expected(participant, current.participantKey));
    if (current.viewerKey) expect(issued.viewer).toContain(current.viewerKey);
    if (current.participantKey) expect(issued.participant).toContain(current.participantKey);
  }
  return current!;
}
