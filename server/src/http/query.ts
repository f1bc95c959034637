import type { ServerResponse } from 'node:http';
import { exportToCsv, exportToMarkdown, type OkrExport } from '@okr/shared/export';
import { HttpError, sendJson } from './json.ts';

/** What `GET /api/rooms/<id>/export?format=` may ask for; JSON when it is left out. */
export const EXPORT_FORMATS = ['json', 'markdown', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export's route, its room id captured: both modes' APIs route by it, and the query check knows it by it. */
export const EXPORT_ROUTE = /^\/api\/rooms\/([^/]*)\/export$/;

/**
 * The query of a rooms API request, checked: the export takes `format` (one of EXPORT_FORMATS),
 * every other route nothing. An unknown, repeated or wrong parameter is a 400 naming what the
 * route takes, never silently ignored: `?format=xml` must not answer JSON as if it were asked for.
 */
export function readApiQuery(url: URL): { format: ExportFormat } {
  const takes: Record<string, readonly string[]> = EXPORT_ROUTE.test(url.pathname) ? { format: EXPORT_FORMATS } : {};
  const names = Object.keys(takes);
  const seen = new Set<string>();
  for (const [name, value] of url.searchParams) {
    const allowed = takes[name];
    if (!allowed) {
      const what = names.length === 0 ? 'takes no query parameters' : `takes only ${names.map((n) => `"${n}"`).join(', ')}`;
      throw new HttpError(400, 'invalid_query', `Unknown query parameter "${name}": ${url.pathname} ${what}.`);
    }
    if (seen.has(name)) throw new HttpError(400, 'invalid_query', `Query parameter "${name}" is given more than once; give it once.`);
    seen.add(name);
    if (!allowed.includes(value)) {
      throw new HttpError(400, 'invalid_query', `"${name}" must be one of ${allowed.join(', ')}; got "${value.slice(0, 40)}".`);
    }
  }
  return { format: (url.searchParams.get('format') ?? 'json') as ExportFormat };
}

const TEXT_TYPES = { markdown: 'text/markdown; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

/** Answers an export in the format asked for: the versioned JSON, or the Markdown summary or CSV built from it. */
export function sendExport(res: ServerResponse, file: OkrExport, format: ExportFormat): void {
  if (format === 'json') return sendJson(res, 200, file);
  const text = format === 'markdown' ? exportToMarkdown(file) : exportToCsv(file);
  res.writeHead(200, { 'Content-Type': TEXT_TYPES[format], 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}
