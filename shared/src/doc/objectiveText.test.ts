import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Objective } from '../schema/index.ts';
import { ControlDoc } from './controlDoc.ts';
import { upgradeObjectiveText } from './objectiveText.ts';

const OBJECTIVE: Objective = {
  candidateId: 'cand-1',
  title: 'Returning customers check out without friction',
  description: 'They leave at the payment page.',
  commitment: 'committed',
  contextIds: [],
  tally: [],
  decidedAt: '2026-07-03T10:00:00.000Z',
};

/** Two co-facilitators' control documents, kept apart until `sync` (like one of them offline). */
function twoFacilitators(upgraded: boolean): { fay: ControlDoc; gus: ControlDoc; sync: () => void } {
  const server = new ControlDoc(new Y.Doc());
  server.setObjective(OBJECTIVE);
  if (upgraded) upgradeObjectiveText(server.ydoc);
  const [fay, gus] = [new ControlDoc(new Y.Doc()), new ControlDoc(new Y.Doc())];
  const docs = [server, fay, gus].map((c) => c.ydoc);
  const sync = () => {
    for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
  };
  sync();
  return { fay, gus, sync };
}

describe("THE objective's title and description", () => {
  it('merge two co-facilitators’ rewordings once the server has upgraded the objective', () => {
    const { fay, gus, sync } = twoFacilitators(true);
    fay.setObjective({ ...fay.state().objective!, title: 'Returning customers check out in one minute without friction' });
    gus.setObjective({ ...gus.state().objective!, title: 'Returning customers check out without any friction', description: undefined });
    sync();
    for (const control of [fay, gus]) {
      expect(control.state().objective).toEqual({ ...OBJECTIVE, title: 'Returning customers check out in one minute without any friction', description: undefined });
    }
  });

  it('stay one plain value, last writer wins, until the server upgrades them (a client never converts)', () => {
    const { fay, gus, sync } = twoFacilitators(false);
    fay.setObjective({ ...OBJECTIVE, title: 'Fay’s wording' });
    gus.setObjective({ ...OBJECTIVE, title: 'Gus’s wording' });
    sync();
    expect(fay.state().objective).toEqual(gus.state().objective);
    expect(['Fay’s wording', 'Gus’s wording']).toContain(fay.state().objective?.title);
    expect(fay.ydoc.getMap('control').get('objective')).not.toBeInstanceOf(Y.AbstractType);
  });

  it('upgrade once: reads stay the same, a second run does nothing, clearing still works', () => {
    const control = new ControlDoc(new Y.Doc());
    expect(upgradeObjectiveText(control.ydoc)).toBe(false);
    control.setObjective(OBJECTIVE);
    expect(upgradeObjectiveText(control.ydoc)).toBe(true);
    expect(upgradeObjectiveText(control.ydoc)).toBe(false);
    const stored = control.ydoc.getMap('control').get('objective') as Y.Map<unknown>;
    expect(stored.get('title')).toBeInstanceOf(Y.Text);
    expect(control.state().objective).toEqual(OBJECTIVE);
    control.setObjective({ ...OBJECTIVE, contextIds: ['ctx-1'] });
    expect(control.state().objective?.contextIds).toEqual(['ctx-1']);
    control.setObjective(null);
    expect(control.state().objective).toBeNull();
  });
});
