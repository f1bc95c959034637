import type * as Y from 'yjs';

/**
 * Every Yjs client id that wrote any part of the records in one collection of a board document:
 * each record's map, its fields and the characters of its text fields. What a participant with a
 * stock client can read off the document to ask "who wrote this card?".
 */
export function structWriters(doc: Y.Doc, collection: 'candidates' | 'keyResults'): Set<number> {
  const clients = new Set<number>();
  const addType = (type: Y.AbstractType<unknown>) => {
    if (type._item) clients.add(type._item.id.client);
    for (let item = type._start; item; item = item.right) clients.add(item.id.client);
    type._map.forEach((item) => {
      clients.add(item.id.client);
      const content = item.content as { type?: Y.AbstractType<unknown> };
      if (content.type) addType(content.type);
    });
  };
  doc.getMap<Y.Map<unknown>>(collection).forEach((record) => addType(record as unknown as Y.AbstractType<unknown>));
  return clients;
}
