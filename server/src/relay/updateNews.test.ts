import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bringsNews } from './updateNews.ts';

/** A server copy and a client copy of one document, in sync, with one deleted item. */
function twoCopies(): { server: Y.Doc; client: Y.Doc } {
  const server = new Y.Doc();
  const text = server.getText('t');
  text.insert(0, 'hello');
  text.delete(0, 1);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

describe('bringsNews', () => {
  const table: { name: string; edit: (client: Y.Doc) => void; news: boolean }[] = [
    { name: 'an up-to-date sync step 2 (its delete set included)', edit: () => {}, news: false },
    { name: 'an insert', edit: (c) => c.getText('t').insert(0, 'x'), news: true },
    { name: 'a deletion of a known item', edit: (c) => c.getText('t').delete(0, 1), news: true },
  ];
  it.each(table)('$name: $news', ({ edit, news }) => {
    const { server, client } = twoCopies();
    edit(client);
    expect(bringsNews(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBe(news);
  });
});
