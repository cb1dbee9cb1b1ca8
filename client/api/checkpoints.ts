import type {
  CheckpointListResponse,
  CheckpointPreviewResponse,
  CheckpointSummary,
  RestoreCheckpointResponse,
} from '../../shared/index.ts';
import { bearer, readJson } from './http.ts';

/** The version-history routes (docs/api.md, "Checkpoints"), with this person's share token. */
export class CheckpointsApi {
  private readonly base: string;
  private readonly token: () => string | null;

  constructor(boardId: string, token: () => string | null) {
    this.base = `/api/boards/${encodeURIComponent(boardId)}/checkpoints`;
    this.token = token;
  }

  async list(): Promise<readonly CheckpointSummary[]> {
    return ((await this.call('GET', this.base)) as CheckpointListResponse).checkpoints;
  }

  async save(label: string, by: { id: string; name: string }): Promise<CheckpointSummary> {
    return (await this.call('POST', this.base, { label, by })) as CheckpointSummary;
  }

  async preview(id: string): Promise<CheckpointPreviewResponse> {
    return (await this.call('GET', `${this.base}/${encodeURIComponent(id)}`)) as CheckpointPreviewResponse;
  }

  async restore(id: string, by: { id: string; name: string }): Promise<RestoreCheckpointResponse> {
    return (await this.call('POST', `${this.base}/${encodeURIComponent(id)}/restore`, {
      by,
    })) as RestoreCheckpointResponse;
  }

  private async call(method: 'GET' | 'POST', url: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = bearer(this.token());
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return readJson(res);
  }
}
