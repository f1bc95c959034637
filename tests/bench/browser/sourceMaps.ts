import fs from 'node:fs';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import type { CallFrame } from '../profile.ts';

/**
 * Labels page profile frames with the original function and source line, through the build's
 * source maps (the client is built with `sourcemap: true`); frames of other scripts keep their URL.
 */
export function sourceLabel(dist: string, root: string): (frame: CallFrame) => string {
  const consumers = new Map<string, SourceMapConsumer | null>();
  const consumer = (url: string) => {
    const asset = /\/(assets\/[^/?#]+\.js)$/.exec(url)?.[1];
    if (!asset) return null;
    if (!consumers.has(asset)) {
      const map = path.join(dist, `${asset}.map`);
      consumers.set(asset, fs.existsSync(map) ? new SourceMapConsumer(JSON.parse(fs.readFileSync(map, 'utf8'))) : null);
    }
    return consumers.get(asset)!;
  };
  return ({ functionName, url, lineNumber, columnNumber }) => {
    const map = url ? consumer(url) : null;
    if (!map) return url ? `${functionName || '(anonymous)'} ${url.replace(/^https?:\/\/[^/]+\//, '')}:${lineNumber + 1}` : functionName || '(anonymous)';
    const original = map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
    if (!original.source) return `${functionName || '(anonymous)'} (bundle)`;
    // Sources are relative to the map (client/dist/assets); name ours from the repository root, packages by name.
    const absolute = path.resolve(dist, 'assets', original.source);
    const source = absolute.includes('/node_modules/') ? absolute.replace(/^.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '') : path.relative(root, absolute);
    return `${original.name ?? functionName ?? '(anonymous)'} ${source}:${original.line}`;
  };
}
