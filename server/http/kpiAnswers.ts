import type { KpiFailure, KpiResult } from '../kpi/KpiService.ts';
import type { HttpContext } from './httpEnv.ts';
import { HttpError, invalidRows, sendJson } from './httpError.ts';

/** A KpiService refusal as its HTTP answer: every bad line (400), a locked board (403), a stage not on the board (409). */
function refusedImport(f: KpiFailure): HttpError {
  if (f.rows) return invalidRows(f.rows, 'line');
  if (f.code === 'board-locked') return new HttpError(403, 'forbidden', f.message);
  return new HttpError(f.code === 'stage-not-found' ? 409 : 400, 'invalid-request', f.message);
}

/** The answer to a KPI or evidence request: the service's value, or its refusal. */
export function sendKpiResult<T>(c: HttpContext, result: KpiResult<T>): Response {
  if (!result.ok) throw refusedImport(result);
  return sendJson(c, 200, result.value);
}
