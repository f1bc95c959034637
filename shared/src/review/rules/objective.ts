import { defineRule } from '../rule.ts';
import { leadingOutputVerb } from '../text/outputVerbs.ts';
import { board, objectiveOrBoard, quote } from './targets.ts';

const OBJECTIVE_MAX_WORDS = 18;

export const singleObjective = defineRule({
  id: 'single-objective',
  checks: 'Exactly one objective is the focus, and it is not two objectives joined together.',
  why: 'A team that pursues several objectives at once makes progress on none; the rest belong on the parked list.',
  source: 'Christina Wodtke, Radical Focus (2015): "set only one OKR".',
  check(context, report) {
    const { model, objective } = context;
    if (model.objectives.length === 0) {
      report('warning', board, 'No objective confirmed yet — pick the one candidate that matters most this cycle and park the rest.');
    } else if (model.objectives.length > 1) {
      report('warning', board, `${model.objectives.length} objectives — set only one for the cycle and park the others with a reason.`);
    } else if (objective && /\s\/\s|;/.test(objective.title)) {
      report('info', objectiveOrBoard(context), 'The objective reads like two joined together — consider keeping one and parking the other.');
    }
  },
});

export const objectiveNoNumbers = defineRule({
  id: 'objective-no-numbers',
  checks: 'The objective holds no numbers (quarter and year labels aside).',
  why: 'The objective says where to go and why, in words that inspire; the key results carry the numbers.',
  source: 'Christina Wodtke, Radical Focus (2015): objectives are qualitative, key results quantitative.',
  check(context, report) {
    const title = context.objective?.title;
    if (!title) return;
    const withoutLabels = title.replace(/\b(?:Q[1-4]|H[12]|FY\s?\d{2,4}|(?:19|20)\d{2})\b/gi, ' ');
    const number = /\d[\d.,]*%?/.exec(withoutLabels)?.[0];
    if (number) report('warning', objectiveOrBoard(context), `The objective holds a number (${number}) — move it into a key result and keep the objective qualitative.`);
  },
});

export const objectiveNotOutput = defineRule({
  id: 'objective-not-output',
  checks: 'The objective does not start with an output verb (launch, build, ship, implement…).',
  why: 'An objective that names a deliverable is a project; naming the change it should bring keeps the team free to find the best way there.',
  source: 'Joshua Seiden, Outcomes Over Output (2019).',
  check(context, report) {
    const verb = context.objective && leadingOutputVerb(context.objective.title);
    if (verb) report('info', objectiveOrBoard(context), `The objective starts with "${verb}", an output — consider naming the change it should bring and making the work an initiative.`);
  },
});

export const objectiveLength = defineRule({
  id: 'objective-length',
  checks: `The objective is short: about ${OBJECTIVE_MAX_WORDS} words at most.`,
  why: 'People remember and repeat a short objective; a long one is usually two ideas or a plan.',
  source: 'A coaching rule of thumb, not a published number; Christina Wodtke, Radical Focus (2015), asks for an objective that is qualitative and inspiring, which a long one rarely is.',
  check(context, report) {
    const words = context.objective?.title.trim().split(/\s+/).filter(Boolean).length ?? 0;
    if (words > OBJECTIVE_MAX_WORDS) report('info', objectiveOrBoard(context), `The objective has ${words} words — consider trimming it to about ${OBJECTIVE_MAX_WORDS} so people can repeat it.`);
  },
});

export const objectiveLinkedContext = defineRule({
  id: 'objective-linked-context',
  checks: 'The objective links to at least one context item (mission, strategy, company objective…).',
  why: 'Alignment: anyone reading the OKR should see which strategy it serves; how to get there stays with the team.',
  source: 'John Doerr, Measure What Matters (2018), "Align and connect for teamwork".',
  check(context, report) {
    const { objective, model } = context;
    if (!objective) return;
    const known = model.contextIds ? new Set(model.contextIds) : undefined;
    const linked = (objective.contextIds ?? []).filter((id) => !known || known.has(id));
    if (linked.length === 0) report('warning', objectiveOrBoard(context), `${quote(objective.title)} is not linked to any context item — link the mission, strategy or company objective it serves.`);
  },
});
