import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { REPO_ROOT } from '../servers.ts';

/**
 * What a set of built chunks is made of: each chunk's code split by original source through the
 * build's source maps, every module's share gzipped on its own (so the parts add up to a little
 * more than the chunk: gzip finds fewer repeats in a part). Tells which module to move or drop.
 */
export type ModuleShare = { source: string; rawKb: number; gzipKb: number; chunk: string };

const gz = (text: string) => zlib.gzipSync(text, { level: 9 }).length / 1024;
const kb = (n: number) => Math.round(n * 10) / 10;

/** Packages by name (`react-dom`, `zod`), our files from the repository root. */
function label(dist: string, source: string): string {
  const absolute = path.resolve(dist, 'assets', source);
  if (!absolute.includes('/node_modules/')) return path.relative(REPO_ROOT, absolute);
  return absolute.replace(/^.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '');
}

/** The entry chunk and every chunk it imports statically: what any page loads before its first render. */
export function entryClosure(dist: string): string[] {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('index.html names no module entry');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(dist, file), 'utf8');
    // Static imports only: `import{…}from"./x.js"` and `import"./x.js"`; `import("./x.js")` is a lazy chunk.
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(`assets/${m[1]}`);
  };
  visit(entry);
  return [...seen];
}

export function composition(dist: string, files: string[]): ModuleShare[] {
  const shares: ModuleShare[] = [];
  for (const file of files) {
    const code = fs.readFileSync(path.join(dist, file), 'utf8');
    const lines = code.split('\n');
    const mapFile = path.join(dist, `${file}.map`);
    // The bundler's own runtime has no map: count it whole.
    if (!fs.existsSync(mapFile)) {
      shares.push({ source: '(bundler runtime)', rawKb: kb(code.length / 1024), gzipKb: kb(gz(code)), chunk: path.basename(file) });
      continue;
    }
    const map = new SourceMapConsumer(JSON.parse(fs.readFileSync(mapFile, 'utf8')));
    const parts = new Map<string, string[]>();
    let previous: { source: string; line: number; column: number } | null = null;
    const flush = (endLine: number, endColumn: number) => {
      if (!previous) return;
      const text = previous.line === endLine ? lines[previous.line - 1]!.slice(previous.column, endColumn) : lines[previous.line - 1]!.slice(previous.column);
      const list = parts.get(previous.source) ?? [];
      list.push(text);
      parts.set(previous.source, list);
    };
    map.eachMapping((m) => {
      flush(m.generatedLine, m.generatedColumn);
      previous = { source: m.source ? label(dist, m.source) : '(unmapped)', line: m.generatedLine, column: m.generatedColumn };
    });
    flush(Infinity, Infinity);
    for (const [source, texts] of parts) {
      const text = texts.join('');
      shares.push({ source, rawKb: kb(text.length / 1024), gzipKb: kb(gz(text)), chunk: path.basename(file) });
    }
  }
  return shares.sort((a, b) => b.gzipKb - a.gzipKb);
}

/** Per package (node_modules) or per top folder of ours, summed. */
export function byPackage(shares: ModuleShare[]): { name: string; gzipKb: number }[] {
  const sums = new Map<string, number>();
  for (const s of shares) {
    const name = s.source.startsWith('@') ? s.source.split('/').slice(0, 2).join('/') : s.source.includes('/src/') ? s.source.split('/').slice(0, 3).join('/') : s.source.split('/')[0]!;
    sums.set(name, (sums.get(name) ?? 0) + s.gzipKb);
  }
  return [...sums].map(([name, gzipKb]) => ({ name, gzipKb: kb(gzipKb) })).sort((a, b) => b.gzipKb - a.gzipKb);
}
