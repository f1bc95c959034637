import type { VersionReasonName } from '@okr/shared/export';

/** One version as `GET /api/rooms/<id>/history` lists it. */
export type VersionEntry = { id: number; createdAt: string; reason: VersionReasonName; step: string; cards: number; added: number; removed: number };

export class HistoryRequestError extends Error {
  override name = 'HistoryRequestError';
}

async function get(path: string, facilitatorKey: string): Promise<Response> {
  const res = await fetch(path, { cache: 'no-store', headers: { Authorization: `Bearer ${facilitatorKey}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    throw new HistoryRequestError(body.message ?? `The server answered ${res.status}.`);
  }
  return res;
}

/** The room's versions, newest first. */
export async function fetchHistory(roomId: string, facilitatorKey: string): Promise<VersionEntry[]> {
  const res = await get(`/api/rooms/${roomId}/history`, facilitatorKey);
  return ((await res.json()) as { versions: VersionEntry[] }).versions;
}

/** One version's board, as the update BoardDoc.restoreFrom takes. */
export async function fetchVersion(roomId: string, facilitatorKey: string, versionId: number): Promise<Uint8Array> {
  const res = await get(`/api/rooms/${roomId}/history/${versionId}`, facilitatorKey);
  return new Uint8Array(await res.arrayBuffer());
}
