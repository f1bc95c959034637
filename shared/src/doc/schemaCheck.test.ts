import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from './boardDoc.ts';
import { ControlDoc } from './controlDoc.ts';
import { BOARD_LAYOUT, CONTROL_LAYOUT, type DocLayout } from './layout.ts';
import { upgradeObjectiveText } from './objectiveText.ts';
import { checkChanges, type SchemaProblem } from './schemaCheck.ts';

/** The board every row starts from: one card of each kind, made by the app's own writes. */
function seedBoard(): { doc: Y.Doc; ids: Record<string, string> } {
  const board = new BoardDoc();
  const ids = {
    context: board.addContextItem({ kind: 'metric', text: 'Conversion 58%' }),
    candidate: board.addCandidate({ text: 'Checkout feels effortless', authorName: 'Ana' }),
    keyResult: board.addKeyResult({ title: 'Conversion from 58% to 65%' }),
  };
  board.updateWorkshop({ title: 'Q3' });
  return { doc: board.ydoc, ids };
}

/**
 * What the server sees: `write` runs on a client's copy of `doc`, and its update is applied to
 * `doc` in one transaction that is then checked, as RelayDoc.apply does.
 */
function check(doc: Y.Doc, layout: DocLayout, write: (client: Y.Doc) => void): SchemaProblem | null {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(client);
  write(client);
  const update = Y.encodeStateAsUpdate(client, before);
  let problem: SchemaProblem | null = null;
  Y.transact(
    doc,
    (transaction) => {
      Y.applyUpdate(doc, update);
      problem = checkChanges(doc, transaction, layout);
    },
    null,
    false,
  );
  return problem;
}

type Ids = Record<string, string>;
const card = (client: Y.Doc, collection: string, id: string) => client.getMap<Y.Map<unknown>>(collection).get(id)!;
const newCard = (fields: Record<string, unknown>) => {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
};

describe('checkChanges on the board', () => {
  // Each row: what a client writes, and the path of the problem (null: accepted).
  const rows: [string, (client: Y.Doc, ids: Ids) => void, string | null][] = [
    ['a new card written by the app', (c) => new BoardDoc(c).addCandidate({ text: 'Returning customers buy again' }), null],
    ['a field edited by the app', (c, ids) => new BoardDoc(c).update(new BoardDoc(c).keyResults, ids.keyResult!, { target: 65, unit: '%' }), null],
    ['a text edited character by character', (c, ids) => (card(c, 'candidates', ids.candidate!).get('text') as Y.Text).insert(0, 'Make '), null],
    ['legacy text as a plain string', (c, ids) => card(c, 'candidates', ids.candidate!).set('text', 'Plain, as boards before Y.Text'), null],
    ['a card deleted', (c, ids) => c.getMap('candidates').delete(ids.candidate!), null],
    ['a field cleared', (c, ids) => card(c, 'candidates', ids.candidate!).delete('authorName'), null],
    ['the workshop renamed', (c) => new BoardDoc(c).updateWorkshop({ title: 'Q4', team: 'Checkout' }), null],
    ['a ballot in the legacy collection (the write policy, not the schema, refuses it)', (c) => c.getMap('ballots').set('r1:ana', { roundId: 'r1', voterId: 'ana', voterName: 'Ana', dots: { x: 2 } }), null],
    ['a dismissal', (c) => new BoardDoc(c).dismissFinding('kr-has-number:kr1', 'Ana'), null],
    ['a merged text past its limit, within the slack', (c, ids) => (card(c, 'candidates', ids.candidate!).get('text') as Y.Text).insert(0, 'x'.repeat(700)), null],
    ['an unknown top-level map', (c) => c.getMap('evil').set('x', 1), 'evil'],
    ['an unknown top-level array', (c) => c.getArray('stash').push(['x']), 'stash'],
    ['list content in a collection', (c) => c.getArray('candidates').push(['x']), 'candidates'],
    ['a field of the wrong type', (c, ids) => card(c, 'keyResults', ids.keyResult!).set('target', '65%'), 'keyResults.{keyResult}.target'],
    ['a text far past its limit', (c, ids) => (card(c, 'candidates', ids.candidate!).get('text') as Y.Text).insert(0, 'x'.repeat(5_000)), 'candidates.{candidate}.text'],
    ['a plain text past its limit (no merge makes one)', (c, ids) => card(c, 'candidates', ids.candidate!).set('text', 'x'.repeat(501)), 'candidates.{candidate}.text'],
    ['an unknown field on a card', (c, ids) => card(c, 'candidates', ids.candidate!).set('payload', 'x'), 'candidates.{candidate}.payload'],
    ['a Y.Text where a plain value belongs', (c, ids) => card(c, 'candidates', ids.candidate!).set('authorName', new Y.Text('Bo')), 'candidates.{candidate}.authorName'],
    ['a nested map in a field', (c, ids) => card(c, 'keyResults', ids.keyResult!).set('unit', new Y.Map()), 'keyResults.{keyResult}.unit'],
    ['an embed hidden in a text', (c, ids) => (card(c, 'candidates', ids.candidate!).get('text') as Y.Text).insertEmbed(0, { img: 'x' }), 'candidates.{candidate}.text'],
    ['formatting in a text', (c, ids) => (card(c, 'candidates', ids.candidate!).get('text') as Y.Text).format(0, 3, { bold: true }), 'candidates.{candidate}.text'],
    ['a card that is not a map', (c) => c.getMap('candidates').set('plain1', { text: 'x', order: 1 }), 'candidates.plain1'],
    ['a card whose id differs from its key', (c) => c.getMap('candidates').set('k1', newCard({ id: 'other', text: 'x', order: 1 })), 'candidates.k1.id'],
    ['a card under a key that is no id', (c) => c.getMap('candidates').set('not an id!', newCard({ text: 'x', order: 1 })), 'candidates.not an id!.id'],
    ['a required field removed', (c, ids) => card(c, 'contextItems', ids.context!).delete('kind'), 'contextItems.{context}.kind'],
    ['a kind outside its list', (c, ids) => card(c, 'contextItems', ids.context!).set('kind', 'rumour'), 'contextItems.{context}.kind'],
    ['an unknown workshop field', (c) => c.getMap('workshop').set('budget', 1), 'workshop.budget'],
    ['a workshop title that is a number', (c) => c.getMap('workshop').set('title', 42), 'workshop.title'],
    ['a ballot under another voter’s key', (c) => c.getMap('ballots').set('r1:bo', { roundId: 'r1', voterId: 'mal', voterName: 'Mal', dots: {} }), 'ballots.r1:bo'],
    ['a ballot with a negative dot', (c) => c.getMap('ballots').set('r1:mal', { roundId: 'r1', voterId: 'mal', voterName: 'Mal', dots: { x: -3 } }), 'ballots.r1:mal.dots.x'],
    ['a dismissal as a nested map', (c) => c.getMap('dismissals').set('k', new Y.Map()), 'dismissals.k'],
  ];

  it.each(rows)('%s', (_name, write, expected) => {
    const { doc, ids } = seedBoard();
    const problem = check(doc, BOARD_LAYOUT, (client) => write(client, ids));
    const path = expected?.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name]!);
    expect(problem?.path ?? null).toBe(path ?? null);
    if (problem) expect(problem.message).not.toBe('');
  });

  it('names what is wrong in words a tool author can act on', () => {
    const { doc, ids } = seedBoard();
    expect(check(doc, BOARD_LAYOUT, (c) => card(c, 'keyResults', ids.keyResult!).set('target', '65%'))).toEqual({
      path: `keyResults.${ids.keyResult}.target`,
      message: 'expected a number, got "65%"',
    });
    expect(check(doc, BOARD_LAYOUT, (c) => c.getMap('evil').set('x', 1))?.message).toMatch(/^unknown top-level content: this document holds only contextItems, candidates/);
  });

  it('quotes only the start of a long key', () => {
    const { doc } = seedBoard();
    const problem = check(doc, BOARD_LAYOUT, (c) => c.getMap('k'.repeat(10_000)).set('x', 1));
    expect(problem?.path.length).toBeLessThan(50);
  });
});

describe('checkChanges on the control document', () => {
  function seedControl(): Y.Doc {
    const control = new ControlDoc();
    control.setStep('draft');
    control.setObjective({ candidateId: 'c1', title: 'Checkout feels effortless', commitment: 'committed', contextIds: [], tally: [], decidedAt: '2026-07-01' });
    return control.ydoc;
  }

  const rows: [string, (client: Y.Doc) => void, string | null][] = [
    ['a step change by the app', (c) => new ControlDoc(c).setStep('pick'), null],
    ['the objective reworded by the app', (c) => new ControlDoc(c).setObjective({ ...new ControlDoc(c).state().objective!, title: 'Effortless checkout' }), null],
    ['a lock', (c) => new ControlDoc(c).set({ locked: true }), null],
    ['a step that does not exist', (c) => c.getMap('control').set('step', 'nowhere'), 'control.step'],
    ['an unknown control key', (c) => c.getMap('control').set('owner', 'mal'), 'control.owner'],
    ['a voting budget of 1000 dots', (c) => c.getMap('control').set('voting', { roundId: 'r', status: 'open', dotsPerPerson: 1000, capPerItem: 2 }), 'control.voting.dotsPerPerson'],
    ['a board root in the control document', (c) => c.getMap('candidates').set('x', 1), 'candidates'],
  ];

  it.each(rows)('%s', (_name, write, expected) => {
    const doc = seedControl();
    expect(check(doc, CONTROL_LAYOUT, write)?.path ?? null).toBe(expected);
  });

  it('accepts THE objective once upgraded to shared text, and edits of that text', () => {
    const doc = seedControl();
    upgradeObjectiveText(doc);
    expect(check(doc, CONTROL_LAYOUT, (c) => ((c.getMap('control').get('objective') as Y.Map<unknown>).get('title') as Y.Text).insert(0, 'Make '))).toBeNull();
    expect(check(doc, CONTROL_LAYOUT, (c) => new ControlDoc(c).setObjective({ ...new ControlDoc(c).state().objective!, rationale: 'Most dots' }))).toBeNull();
    expect(check(doc, CONTROL_LAYOUT, (c) => (c.getMap('control').get('objective') as Y.Map<unknown>).set('commitment', 'maybe'))?.path).toBe('control.objective.commitment');
    expect(check(doc, CONTROL_LAYOUT, (c) => (c.getMap('control').get('objective') as Y.Map<unknown>).set('tally', new Y.Text('x')))?.path).toBe('control.objective.tally');
  });
});

describe('the layouts', () => {
  it('name every root BoardDoc and ControlDoc create, with the collections’ own schemas', () => {
    const board = new BoardDoc();
    expect(Object.keys(BOARD_LAYOUT).sort()).toEqual([...board.ydoc.share.keys()].sort());
    for (const collection of [board.contextItems, board.candidates, board.parked, board.keyResults, board.initiatives]) {
      expect(BOARD_LAYOUT[collection.name]?.kind).toBe('records');
    }
    const control = new ControlDoc();
    expect(Object.keys(CONTROL_LAYOUT)).toEqual([...control.ydoc.share.keys()]);
  });
});
