/**
 * Several instances: how long an edit takes to reach a participant on the other instance
 * ("cross") against one on the same instance ("same"), for Journeyboard (two `server/main.ts` on
 * one PostgreSQL schema and one Redis) and for the baseline, two plain Hocuspocus servers with
 * only `@hocuspocus/extension-redis`, in the same run. Redis is a redis-server the benchmark
 * starts itself. Workload: bench/sync's sequential latency (one edit at a time, until every
 * participant has it), half the participants on each instance for "cross".
 */
import pg from 'pg';
import { startOwnRedis } from '../../server/testing/ownRedis.ts';
import { TEST_DATABASE_URL, uniqueSchema } from '../../server/testing/postgres.ts';
import { median, percentile, round, table } from '../stats.ts';
import { Participant } from '../sync/participants.ts';
import { startJourneyboard, startRawHocuspocus, type Target } from '../sync/targets.ts';
import { sequentialLatency } from '../sync/workloads.ts';

export interface ScaleOutRow {
  readonly stack: string;
  readonly n: number;
  readonly sameP50: number;
  readonly sameP99: number;
  readonly crossP50: number;
  readonly crossP99: number;
  readonly 'cross/same p50': number;
}

/** Latencies of `edits` sequential edits with the participants split over `targets` round-robin. */
async function latencies(targets: readonly Target[], n: number, edits: number): Promise<number[]> {
  const { room, token } = await targets[0]!.createRoom();
  const people = Array.from({ length: n }, (_, i) => new Participant(i));
  try {
    await people[0]!.connect(targets[0]!, room, token);
    if (!targets[0]!.name.startsWith('journeyboard')) people[0]!.initializeBoard();
    await people[0]!.until(() => people[0]!.doc.getMap('records').size > 0);
    for (let i = 1; i < n; i++) await people[i]!.connect(targets[i % targets.length]!, room, token);
    await Promise.all(people.map((p) => p.until(() => p.doc.getMap('records').size > 0)));
    for (const p of people) p.addOwnNote();
    await Promise.all(people.map((p) => p.until(() => p.noteCount() === n)));
    return await sequentialLatency(people, edits);
  } finally {
    for (const p of people) p.destroy();
  }
}

export async function runScaleOutBenchmark(opts: {
  sizes: number[];
  repeats: number;
  edits: number;
  /** Another checkout of Journeyboard (with its node_modules) measured in the same run, as "journeyboard-before". */
  before?: string;
}) {
  const redis = await startOwnRedis();
  const schema = uniqueSchema();
  const schemas = [schema];
  const stacks: { name: string; instances: Target[] }[] = [];
  try {
    const jbEnv = {
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
      REDIS_URL: redis.url,
      REDIS_PREFIX: 'bench',
    };
    const first = await startJourneyboard({ env: jbEnv }); // creates the schema alone
    stacks.push({ name: 'journeyboard', instances: [first, await startJourneyboard({ env: jbEnv })] });
    if (opts.before) {
      const before = {
        env: { ...jbEnv, DATABASE_SCHEMA: `${schema}_before`, REDIS_PREFIX: 'before' },
        root: opts.before,
        name: 'journeyboard-before',
      };
      schemas.push(before.env.DATABASE_SCHEMA);
      const firstBefore = await startJourneyboard(before);
      stacks.push({ name: 'journeyboard-before', instances: [firstBefore, await startJourneyboard(before)] });
    }
    const rawEnv = { REDIS_URL: redis.url, REDIS_PREFIX: 'raw' };
    const script = 'bench/scaleOut/rawHocuspocusRedis.ts';
    stacks.push({
      name: 'hocuspocus+redis',
      instances: [await startRawHocuspocus(script, rawEnv), await startRawHocuspocus(script, rawEnv)],
    });

    const rows: ScaleOutRow[] = [];
    for (const n of opts.sizes) {
      const runs = new Map<string, { same: number[]; cross: number[] }>();
      for (let r = 0; r < opts.repeats; r++)
        for (const stack of stacks) {
          const got = runs.get(stack.name) ?? { same: [], cross: [] };
          got.same.push(...(await latencies([stack.instances[0]!], n, opts.edits)));
          got.cross.push(...(await latencies(stack.instances, n, opts.edits)));
          runs.set(stack.name, got);
          process.stderr.write(`  n=${n} ${stack.name} run ${r + 1} done\n`);
        }
      for (const stack of stacks) {
        const { same, cross } = runs.get(stack.name)!;
        rows.push({
          stack: stack.name,
          n,
          sameP50: round(median(same)),
          sameP99: round(percentile(same, 99)),
          crossP50: round(median(cross)),
          crossP99: round(percentile(cross, 99)),
          'cross/same p50': round(median(cross) / median(same)),
        });
      }
    }
    console.log(`\nSeveral instances: sequential edit latency, ms (${opts.repeats} repeats × ${opts.edits} edits)`);
    console.log(table(rows as unknown as Record<string, number | string>[]));
    console.log('Target: Journeyboard cross/same p50 ≤ 1.5');
    return { sizes: opts.sizes, repeats: opts.repeats, edits: opts.edits, rows };
  } finally {
    for (const stack of stacks) for (const t of stack.instances) await t.stop();
    await redis.stop('SIGTERM');
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await client.end();
  }
}
