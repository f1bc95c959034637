import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('storage mode from the environment', () => {
  const pg = 'postgres://okr@localhost/okr';
  const redis = 'redis://localhost:6379';
  it.each([
    { env: {}, kind: 'sqlite' },
    { env: { DATABASE_URL: pg, REDIS_URL: redis }, kind: 'shared' },
    { env: { DATABASE_URL: pg, REDIS_URL: redis, INSTANCE_ID: 'web-1' }, kind: 'shared' },
  ])('$env gives $kind', ({ env, kind }) => {
    expect(loadConfig(env).storage.kind).toBe(kind);
  });

  it.each([
    { env: { DATABASE_URL: pg }, names: 'REDIS_URL is not' },
    { env: { REDIS_URL: redis }, names: 'DATABASE_URL is not' },
    { env: { DATABASE_URL: pg, REDIS_URL: redis, INSTANCE_ID: 'two words' }, names: 'INSTANCE_ID' },
  ])('$env is refused, naming the problem', ({ env, names }) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(names);
  });

  it('keeps INSTANCE_ID when given', () => {
    const storage = loadConfig({ DATABASE_URL: pg, REDIS_URL: redis, INSTANCE_ID: 'web-1' }).storage;
    expect(storage).toEqual({ kind: 'shared', databaseUrl: pg, redisUrl: redis, instanceId: 'web-1' });
  });
});
