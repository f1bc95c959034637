import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from './args.ts';
import { CliError } from './cliError.ts';

const spec = {
  usage: 'okr restore <roomId> <version> [--json]',
  positionals: ['<roomId>', '<version>'],
  options: { json: { type: 'boolean' }, format: { type: 'string', short: 'f' } },
} as const;

describe('parseCommandArgs', () => {
  it.each([
    ['a room id that starts with "-"', ['-6fJq2xKpLm0aB3cD4eF5gHi', '3'], ['-6fJq2xKpLm0aB3cD4eF5gHi', '3']],
    ['a room id that starts with "--"', ['--fJq2xKpLm0aB3cD4eF5gHi', '3', '--json'], ['--fJq2xKpLm0aB3cD4eF5gHi', '3']],
    ['an ordinary room id', ['Zk3fJq2xKpLm0aB3cD4eF5gH', '3'], ['Zk3fJq2xKpLm0aB3cD4eF5gH', '3']],
  ])('keeps %s as a positional', (_what, argv, positionals) => {
    expect(parseCommandArgs([...argv], spec).positionals).toEqual(positionals);
  });

  it('still reads options, and still refuses an unknown short option', () => {
    expect(parseCommandArgs(['Zk3fJq2xKpLm0aB3cD4eF5gH', '3', '--json', '-f', 'csv'], spec).values).toEqual({ json: true, format: 'csv' });
    expect(() => parseCommandArgs(['-x', 'Zk3fJq2xKpLm0aB3cD4eF5gH', '3'], spec)).toThrow(CliError);
  });
});
