// Regenerates the committed JSON Schema files from the zod schemas: `npx tsx shared/scripts/write-schema.ts`.
import { writeFileSync } from 'node:fs';
import { JSON_SCHEMA_FILES, jsonSchemaText, type JsonSchemaFileName } from '../src/export/jsonSchema.ts';

for (const name of Object.keys(JSON_SCHEMA_FILES) as JsonSchemaFileName[]) {
  const url = new URL(`../schema/${name}`, import.meta.url);
  writeFileSync(url, jsonSchemaText(name));
  process.stdout.write(`wrote shared/schema/${name}\n`);
}
