import { describe, expect, it } from 'vitest';
import type { ContextKind } from '../schema/index.ts';
import { contextLine, withoutKindPrefix } from './contextText.ts';

describe('contextLine', () => {
  it.each<[string, ContextKind, string, string]>([
    ['plain text', 'company-objective', 'Grow repeat purchases', 'Company objective: Grow repeat purchases'],
    ['the kind already written', 'company-objective', 'Company objective: grow repeat purchases', 'Company objective: grow repeat purchases'],
    ['in other case, with a dash', 'product-strategy', 'product strategy - Win repeat buyers in the EU', 'Product strategy: Win repeat buyers in the EU'],
    ['with an em dash', 'mission', 'Mission — Make buying online feel effortless', 'Mission: Make buying online feel effortless'],
    ['the kind inside the text', 'mission', 'Our mission: effortless buying', 'Mission: Our mission: effortless buying'],
    ['the kind as a word that goes on', 'metric', 'Metrics dashboard shows 58%', 'Metric: Metrics dashboard shows 58%'],
    ['nothing after the kind', 'constraint', 'Constraint:', 'Constraint: Constraint:'],
  ])('%s', (_what, kind, text, line) => {
    expect(contextLine(kind, text)).toBe(line);
  });

  it('leaves text that only starts with the kind as a word untouched', () => {
    expect(withoutKindPrefix('mission', 'Mission critical: uptime')).toBe('Mission critical: uptime');
  });
});
