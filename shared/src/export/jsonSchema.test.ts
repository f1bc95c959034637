import { describe, expect, it } from 'vitest';
import committedExportSchema from '../../schema/okr-export.v3.schema.json' with { type: 'json' };
import committedPreworkSchema from '../../schema/okr-prework.v1.schema.json' with { type: 'json' };
import { BoardDoc, ControlDoc } from '../doc/index.ts';
import { FIXED_NOW, sampleBoard } from './__fixtures__/sampleBoard.ts';
import { okrExportSchema } from './format.ts';
import { buildExport } from './fromBoard.ts';
import { JSON_SCHEMA_FILES, type JsonSchemaFileName } from './jsonSchema.ts';

const COMMITTED: Record<JsonSchemaFileName, unknown> = {
  'okr-export.v3.schema.json': committedExportSchema,
  'okr-prework.v1.schema.json': committedPreworkSchema,
};

describe('committed JSON Schema files', () => {
  it.each(Object.keys(JSON_SCHEMA_FILES) as JsonSchemaFileName[])('shared/schema/%s matches the zod schema', (name) => {
    expect(
      COMMITTED[name],
      `shared/schema/${name} is out of date with the zod schema. Run \`npx tsx shared/scripts/write-schema.ts\` and commit the result.`,
    ).toEqual(JSON_SCHEMA_FILES[name]());
  });

  it.each(Object.entries(COMMITTED))('%s is a draft 2020-12 schema with a title', (_name, schema) => {
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', title: expect.any(String) });
  });

  it('describes exactly the top-level fields an export has', () => {
    const { board, control } = sampleBoard();
    const exported = buildExport(board, control, FIXED_NOW);
    expect(Object.keys(committedExportSchema.properties).sort()).toEqual(Object.keys(exported).sort());
    expect([...committedExportSchema.required].sort()).toEqual(Object.keys(exported).sort());
    expect(committedExportSchema.additionalProperties).toBe(false);
  });
});

describe('every export the board produces', () => {
  const boards: [string, () => { board: BoardDoc; control: ControlDoc }][] = [
    ['the sample board', sampleBoard],
    ['an empty board', () => ({ board: new BoardDoc(), control: new ControlDoc() })],
    [
      'an anonymous board with the objective unset again',
      () => {
        const made = sampleBoard();
        made.control.set({ anonymous: true, objective: null });
        return made;
      },
    ],
  ];

  it.each(boards)('passes the schema the JSON Schema file is generated from: %s', (_name, make) => {
    const { board, control } = make();
    const json = JSON.parse(JSON.stringify(buildExport(board, control, FIXED_NOW))) as unknown;
    expect(okrExportSchema.safeParse(json).success).toBe(true);
  });
});
