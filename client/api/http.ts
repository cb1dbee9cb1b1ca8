/**
 * How every HTTP call of the client reads an answer: the server's errors are JSON
 * `{ error: { code, message } }` (server/http/respond.ts); this is the one place that unwraps them.
 */
export class ApiError extends Error {
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The server's error code (`transfer-expired`, `bad-request`, …), or null when it sent none. */
  readonly code: string | null;
  /** A refused import's bad rows (`error.rows`), each with its line or path. */
  readonly rows: readonly { line?: number; path?: string; message: string }[];
  constructor(status: number, code: string | null, message: string, rows: ApiError['rows'] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.rows = rows;
  }
}

/** The ApiError an answer that is not ok stands for: the server's message, or its status. */
export async function apiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: unknown; message?: unknown; rows?: unknown };
  } | null;
  const code = typeof body?.error?.code === 'string' ? body.error.code : null;
  const message = typeof body?.error?.message === 'string' ? body.error.message : `The server answered ${res.status}`;
  return new ApiError(res.status, code, message, Array.isArray(body?.error?.rows) ? body.error.rows : []);
}

/** The JSON body of an ok answer (null if it has none); an ApiError for any other. */
export async function readJson(res: Response): Promise<unknown> {
  if (!res.ok) throw await apiError(res);
  return res.json().catch(() => null);
}

/** Throws the ApiError of an answer that is not ok; for calls whose body does not matter. */
export async function expectOk(res: Response): Promise<void> {
  if (!res.ok) throw await apiError(res);
}

/** `authorization: Bearer <token>` for a share token or the creation token, or nothing. */
export function bearer(token: string | null | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** One API call with a share token and an optional JSON body; its JSON answer, or an ApiError. */
async function callApi(method: string, url: string, token: string | null, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = bearer(token);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return readJson(res);
}

/** One area of a board's routes (`/api/boards/<id>/<area>`), called with this person's share token. */
export class BoardRoutes {
  protected readonly base: string;
  private readonly token: () => string | null;

  constructor(boardId: string, area: string, token: () => string | null) {
    this.base = `/api/boards/${encodeURIComponent(boardId)}/${area}`;
    this.token = token;
  }

  protected call(method: string, url: string, body?: unknown): Promise<unknown> {
    return callApi(method, url, this.token(), body);
  }
}
