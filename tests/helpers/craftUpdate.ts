import * as encoding from 'lib0/encoding';

export type RawItem = { clock: number; origin?: [number, number]; content: { string: string } | { deleted: number } };
export type RawClient = { client: number; items: RawItem[] };

/**
 * Writes a Yjs v1 update by hand, so the table can hold updates no Yjs document would produce.
 * Items without an origin hang off the root map "m" under key "k".
 */
export function craftUpdate(clients: RawClient[], deletes: { client: number; clock: number; len: number }[] = []): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, clients.length);
  for (const { client, items } of clients) {
    encoding.writeVarUint(e, items.length);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, items[0]?.clock ?? 0);
    for (const item of items) {
      const ref = 'string' in item.content ? 4 : 1;
      encoding.writeUint8(e, ref | (item.origin ? 0x80 : 0x20));
      if (item.origin) {
        encoding.writeVarUint(e, item.origin[0]);
        encoding.writeVarUint(e, item.origin[1]);
      } else {
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, 'm');
        encoding.writeVarString(e, 'k');
      }
      if ('string' in item.content) encoding.writeVarString(e, item.content.string);
      else encoding.writeVarUint(e, item.content.deleted);
    }
  }
  encoding.writeVarUint(e, deletes.length);
  for (const d of deletes) {
    encoding.writeVarUint(e, d.client);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, d.clock);
    encoding.writeVarUint(e, d.len);
  }
  return encoding.toUint8Array(e);
}
