import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { REPO_ROOT } from '../servers.ts';
import { byPackage, composition, entryClosure } from './bundleComposition.ts';

/**
 * `npx pnpm@10 build && cd tests && npx tsx bench/browser/runComposition.ts [assets/x.js …]`:
 * what the named chunks (by default the entry and its static imports) are made of, gzipped, by
 * package and by module. Pass a role's `files` from runFirstLoad.ts to see that role's first load.
 */
const dist = path.join(REPO_ROOT, 'client/dist');
const files = process.argv.length > 2 ? process.argv.slice(2).map((f) => f.replace(/^\//, '')) : entryClosure(dist);
const total = files.reduce((s, f) => s + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length / 1024, 0);
console.log(`${files.length} chunks, ${Math.round(total * 10) / 10} KB gzipped:`);
for (const f of files) console.log(`  ${f}`);
const shares = composition(dist, files);
console.log('\nby package or folder (KB gzipped, parts gzipped alone):');
for (const p of byPackage(shares).slice(0, 30)) console.log(`  ${p.gzipKb.toFixed(1).padStart(6)}  ${p.name}`);
console.log('\nlargest modules:');
for (const s of shares.slice(0, Number(process.env.TOP ?? 40))) console.log(`  ${s.gzipKb.toFixed(1).padStart(6)}  ${s.source}  (${s.chunk})`);
