import type { Department, ImportBoardResponse, NoteKind, RoundChoice } from '../../shared/index.ts';

export type ListFormat = 'csv' | 'md' | 'json';

export interface ListQuery {
  readonly round: RoundChoice;
  readonly stageIds: readonly string[];
  readonly kinds: readonly NoteKind[];
  readonly departments: readonly Department[];
}

/** `/api/boards/:id/priorities.<format>?round=…&stage=…`: the same list the panel shows. */
export function prioritiesPath(boardId: string, format: ListFormat, q: ListQuery): string {
  const params = new URLSearchParams({ round: q.round });
  for (const s of q.stageIds) params.append('stage', s);
  for (const k of q.kinds) params.append('kind', k);
  for (const d of q.departments) params.append('department', d);
  return `/api/boards/${encodeURIComponent(boardId)}/priorities.${format}?${params}`;
}

export function backupPath(boardId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/export.json`;
}

async function errorOf(res: Response): Promise<Error> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return new Error(body?.error?.message ?? `The server answered ${res.status}`);
}

/** Fetches a download with the share token as a Bearer (never in the URL), then saves it. */
export async function downloadFromApi(path: string, token: string | null): Promise<string> {
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw await errorOf(res);
  const disposition = res.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? path.split('/').pop()!.split('?')[0]!;
  saveBlob(await res.blob(), filename);
  return filename;
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; give it a moment before freeing the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A `data:` URL as a Blob (the CSP's connect-src does not allow fetching data: URLs). */
export function dataUrlBlob(dataUrl: string): Blob {
  const [head, body] = dataUrl.split(',', 2) as [string, string];
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

const CREATE_TOKEN_KEY = 'journeyboard.createToken';

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
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as ImportBoardResponse;
}
