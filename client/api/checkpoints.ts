import type {
  CheckpointListResponse,
  CheckpointPreviewResponse,
  CheckpointSummary,
  RestoreCheckpointResponse,
} from '../../shared/index.ts';
import { BoardRoutes } from './http.ts';

/** The version-history routes (docs/api.md, "Checkpoints"), with this person's share token. */
export class CheckpointsApi extends BoardRoutes {
  constructor(boardId: string, token: () => string | null) {
    super(boardId, 'checkpoints', token);
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
}
