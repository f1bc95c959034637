import { runFirstLoad } from './firstLoad.ts';

/**
 * `npx pnpm@10 --filter @okr/tests exec tsx bench/browser/runFirstLoad.ts` after `npx pnpm@10 build`:
 * each role's first load on the venue network (issue 11), printed as JSON.
 */
const results = await runFirstLoad(12, (line) => console.log(line));
console.log(JSON.stringify(results, null, 2));
