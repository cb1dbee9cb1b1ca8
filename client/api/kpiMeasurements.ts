import {
  type ImportMeasurementsRequest,
  type ImportMeasurementsResponse,
  importMeasurementsPath,
  importMeasurementsResponseSchema,
  type KpiMeasurement,
  measurementListResponseSchema,
  measurementsPath,
} from '../../shared/index.ts';
import { bearer, readJson } from './http.ts';

/** The KPI series routes (docs/api.md, "KPI measurements"), with this person's share token. */
export class KpiMeasurementsApi {
  private readonly boardId: string;
  private readonly token: () => string | null;

  constructor(boardId: string, token: () => string | null) {
    this.boardId = boardId;
    this.token = token;
  }

  /** Every measurement of the KPI, oldest first. */
  async list(kpiId: string): Promise<readonly KpiMeasurement[]> {
    const res = await fetch(measurementsPath(this.boardId, kpiId), { headers: bearer(this.token()) });
    return measurementListResponseSchema.parse(await readJson(res)).measurements;
  }

  /** Writes the measurements (the server mirrors the latest into the board), or with `dryRun` previews them. */
  async import(request: ImportMeasurementsRequest): Promise<ImportMeasurementsResponse> {
    const res = await fetch(importMeasurementsPath(this.boardId), {
      method: 'POST',
      headers: { ...bearer(this.token()), 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    return importMeasurementsResponseSchema.parse(await readJson(res));
  }
}
