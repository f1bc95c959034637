import { CANVAS_FULL, runCanvasBench, type CanvasCase } from './canvasBench.ts';

/**
 * `npx pnpm@10 --filter @okr/tests exec tsx bench/browser/runCanvas.ts [--no-build] [--no-profile] [--seconds N] [--cases idle,cursors] [--drags N] [--edits N]`:
 * the canvas at 300 notes under a remote drag and edits (issue 10), then 30 remote cursors (issue 11), printed as JSON.
 * `--edits 0` leaves only the drag and its drops, for a profile of the drops alone. `CLIENT_DIR=<dist>` serves
 * another build (main's, say) to compare in the same hour; `KEEP_PROFILE=<prefix>` keeps the raw profiles.
 */
const args = process.argv.slice(2);
const seconds = args.includes('--seconds') ? Number(args[args.indexOf('--seconds') + 1]) : CANVAS_FULL.seconds;
const cases = args.includes('--cases') ? (args[args.indexOf('--cases') + 1]!.split(',') as CanvasCase['name'][]) : undefined;
const rate = (flag: string, fallback: number) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : fallback);
const dragsPerSecond = rate('--drags', CANVAS_FULL.dragsPerSecond);
const editsPerSecond = rate('--edits', CANVAS_FULL.editsPerSecond);
const result = await runCanvasBench({ ...CANVAS_FULL, seconds, cases, dragsPerSecond, editsPerSecond, profile: !args.includes('--no-profile') }, (line) => console.error(line), { build: !args.includes('--no-build') });
console.log(JSON.stringify(result, null, 2));
