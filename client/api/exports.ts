import type { Department, ImportBoardResponse, NoteKind, RoundChoice } from '../../shared/index.ts';
import { apiError, bearer, readJson } from './http.ts';

export type ListFormat = 'csv' | 'md' | 'json';

export interface ListQuery {
  readonly round: RoundChoice;
  readonly stageIds: readonly string[];
  readonly kinds: readonly NoteKind[];
  readonly departments: readonly Department[];
  /** "Did it work?": measurements on each side of "done". */
  readonly window?: number;
}

/** `/api/boards/:id/priorities.<format>?round=…&stage=…`: the same list the panel shows. */
export function prioritiesPath(boardId: string, format: ListFormat, q: ListQuery): string {
  const params = new URLSearchParams({ round: q.round });
  for (const s of q.stageIds) params.append('stage', s);
  for (const k of q.kinds) params.append('kind', k);
  for (const d of q.departments) params.append('department', d);
  if (q.window !== undefined) params.set('window', String(q.window));
  return `/api/boards/${encodeURIComponent(boardId)}/priorities.${format}?${params}`;
}

export function backupPath(boardId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/export.json`;
}

/** A download fetched with the share token as a Bearer (never in the URL), and the file name the server gave it. */
export async function fetchDownload(path: string, token: string | null): Promise<{ blob: Blob; filename: string }> {
  const res = await fetch(path, { headers: bearer(token) });
  if (!res.ok) throw await apiError(res);
  const disposition = res.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? path.split('/').pop()!.split('?')[0]!;
  return { blob: await res.blob(), filename };
}

const CREATE_TOKEN_KEY = 'journeyboard.createToken';

/** What a file picker for a board backup accepts (`importBoardFile`). */
export const BACKUP_FILE = 'application/json,.json';

/**
 * `POST /api/boards/import` with a backup file: a new board with new links. The file is sent as
 * it is; the server validates it and says what is wrong.
 */
export async function importBoardFile(file: File): Promise<ImportBoardResponse> {
  const text = await file.text();
  const createToken = localStorage.getItem(CREATE_TOKEN_KEY);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (createToken) headers.authorization = `Bearer ${createToken}`;
  const res = await fetch('/api/boards/import', { method: 'POST', headers, body: text });
  return (await readJson(res)) as ImportBoardResponse;
}
