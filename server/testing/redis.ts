import { randomId } from '../../shared/index.ts';

/**
 * The Redis the tests use: TEST_REDIS_URL, else the one every Journeyboard machine and CI runs on
 * 127.0.0.1:6379. Tests never skip it: if it is not there, they fail and say so.
 */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key and channel prefix no other test run uses. */
export function uniqueRedisPrefix(): string {
  return `jbtest-${process.pid}-${randomId(8)}`;
}
