import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { OkrExport } from '@okr/shared/export';
import { REPO_ROOT } from './server.ts';

/** The committed file other tools validate against; checking it too catches a schema that drifts from zod or is wrong. */
export const EXPORT_SCHEMA_FILE = path.join(REPO_ROOT, 'shared/schema/okr-export.v3.schema.json');

let validator: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  if (!validator) {
    // strict: an unknown keyword in the schema file is an error, not silently ignored.
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(fs.readFileSync(EXPORT_SCHEMA_FILE, 'utf8')) as object);
  }
  return validator;
}

/**
 * Throws, listing every violation, unless `json` (parsed, or the file's text) is valid against the
 * committed JSON Schema file. E.g. `assertValidExport(await res.json())`.
 */
export function assertValidExport(json: unknown): asserts json is OkrExport {
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  const validate = compiled();
  if (!validate(value)) {
    throw new Error(`Export does not match ${path.relative(REPO_ROOT, EXPORT_SCHEMA_FILE)}:\n${describe(validate.errors ?? [])}`);
  }
}

function describe(errors: readonly ErrorObject[]): string {
  return errors.map((error) => `- ${error.instancePath || '(root)'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`).join('\n');
}
