import { z } from 'zod';
import { okrExportSchema } from './format.ts';
import { preworkFileSchema } from './prework.ts';

/*
 * The JSON Schema files in shared/schema/ are generated from the zod schemas, never edited by hand
 * (okr-export.v1 and v2 stay as they were, for files made before versions 2 and 3).
 * jsonSchema.test.ts fails when a committed file drifts; `npx tsx shared/scripts/write-schema.ts`
 * rewrites them.
 */

export const JSON_SCHEMA_FILES = {
  'okr-export.v3.schema.json': () => z.toJSONSchema(okrExportSchema, { target: 'draft-2020-12' }),
  'okr-prework.v1.schema.json': () => z.toJSONSchema(preworkFileSchema, { target: 'draft-2020-12' }),
} as const;

export type JsonSchemaFileName = keyof typeof JSON_SCHEMA_FILES;

/** The file's exact text: two-space JSON with a final newline, so diffs stay small. */
export function jsonSchemaText(name: JsonSchemaFileName): string {
  return `${JSON.stringify(JSON_SCHEMA_FILES[name](), null, 2)}\n`;
}
