import { describe, expect, it } from 'vitest';
import type { KpiMeasurement } from '../../shared/schema/kpiSeries.ts';
import { DATABASES, testDatabases } from '../testing/databases.ts';

const open = testDatabases();
const BOARD = 'board0000001';
const CSAT = 'kpi:s1.csat' as const;

const m = (period: string, value: number, extra: Partial<KpiMeasurement> = {}): KpiMeasurement => ({
  period,
  value,
  sampleSize: null,
  source: null,
  ...extra,
});

describe.each(DATABASES)('KpiRepository on %s', (name) => {
  it('keeps a series in time order, replaces a period measured again, and survives a restart', async () => {
    const opened = await open(name);
    const { store } = opened;
    await store.boards.createBoard({ id: BOARD, title: 'A', createdAt: 1, snapshot: new Uint8Array([0, 0]) });
    // Written out of order, with a month and a day that start together.
    const first = [m('2026-03', 4.1, { sampleSize: 120, source: 'survey' }), m('2026-01', 3.9), m('2026-03-01', 4.05)];
    expect(
      await store.kpi.putMeasurements(
        BOARD,
        first.map((measurement) => ({ kpiId: CSAT, measurement })),
        10,
        false,
      ),
    ).toEqual([null, null, null]);
    expect(await store.kpi.series(BOARD, CSAT)).toEqual([first[1], first[0], first[2]]);

    // The same KPI and period again replaces; a dry run says so and writes nothing.
    const again = [{ kpiId: CSAT, measurement: m('2026-01', 4.4) }];
    expect(await store.kpi.putMeasurements(BOARD, again, 11, true)).toEqual([3.9]);
    expect((await store.kpi.series(BOARD, CSAT))[0]!.value).toBe(3.9);
    expect(await store.kpi.putMeasurements(BOARD, again, 11, false)).toEqual([3.9]);
    const store2 = await opened.reopen();
    const series = await store2.kpi.series(BOARD, CSAT);
    expect(series.map((p) => [p.period, p.value])).toEqual([
      ['2026-01', 4.4],
      ['2026-03', 4.1],
      ['2026-03-01', 4.05],
    ]);
    expect(await store2.kpi.series(BOARD, CSAT, 2)).toEqual(series.slice(1));
    expect(await store2.kpi.series(BOARD, 'kpi:s1.nps')).toEqual([]);
  });

  it('writes five years of daily points in one call; a batch for an unknown board is refused', async () => {
    const { store } = await open(name);
    await store.boards.createBoard({ id: BOARD, title: 'A', createdAt: 1, snapshot: new Uint8Array([0, 0]) });
    const day = (i: number) => new Date(Date.UTC(2021, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const writes = Array.from({ length: 1826 }, (_, i) => ({ kpiId: CSAT, measurement: m(day(i), i / 10) }));
    await store.kpi.putMeasurements(BOARD, writes, 1, false);
    const series = await store.kpi.series(BOARD, CSAT);
    expect(series).toHaveLength(1826);
    expect(series.at(-1)).toEqual(m(day(1825), 182.5));
    // A board that does not exist: the foreign key refuses the batch and nothing is written.
    const other = [{ kpiId: CSAT, measurement: m('2026-01', 1) }];
    await expect(store.kpi.putMeasurements('nosuchboard1', other, 1, false)).rejects.toThrow();
    expect(await store.kpi.series('nosuchboard1', CSAT)).toEqual([]);
  });
});
