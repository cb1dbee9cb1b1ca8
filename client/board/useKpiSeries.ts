import { useEffect, useMemo, useState } from 'react';
import type { KpiId, KpiPoint } from '../../shared/index.ts';
import { KpiMeasurementsApi } from '../api/kpiMeasurements.ts';
import { useBoard, useSession } from './hooks.ts';

/**
 * The whole series of each of these KPIs, read from the server, and read again whenever the
 * board's mirror of one of them changes (an import by anyone). A KPI not read yet, or whose read
 * failed, is absent: callers fall back to the points the board mirrors.
 */
export function useKpiSeries(kpiIds: readonly KpiId[]): ReadonlyMap<KpiId, readonly KpiPoint[]> {
  const session = useSession();
  const board = useBoard();
  const api = useMemo(() => new KpiMeasurementsApi(session.boardId, () => session.token), [session]);
  const [series, setSeries] = useState<ReadonlyMap<KpiId, readonly KpiPoint[]>>(new Map());
  const wanted = new Set(kpiIds);
  const changed = board.kpis
    .filter((k) => wanted.has(k.id))
    .map((k) => `${k.id}@${k.measuredAt}:${k.recent.map((p) => p.value).join(',')}`)
    .join('|');
  useEffect(() => {
    if (changed === '') return;
    let live = true;
    const ids = changed.split('|').map((s) => s.slice(0, s.indexOf('@')) as KpiId);
    Promise.all(
      ids.map((id) =>
        api.list(id).then(
          (s) => [id, s] as const,
          () => null,
        ),
      ),
    ).then((read) => {
      if (live) setSeries(new Map(read.filter((r) => r !== null)));
    });
    return () => {
      live = false;
    };
  }, [api, changed]);
  return series;
}
