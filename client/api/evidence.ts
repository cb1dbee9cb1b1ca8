import {
  type EvidenceImportRequest,
  type EvidenceImportResponse,
  evidenceImportResponseSchema,
  evidencePath,
  type IntegrationKeyCreated,
  type IntegrationKeyView,
  integrationKeyCreatedSchema,
  integrationKeyPath,
  integrationKeysPath,
  integrationKeyViewSchema,
  type Verbatim,
  verbatimListResponseSchema,
  verbatimsPath,
} from '../../shared/index.ts';
import { bearer, expectOk, readJson } from './http.ts';

/** Evidence and integration keys (docs/api.md, "Evidence", "Integration keys"), with this person's share token. */
export class EvidenceApi {
  private readonly boardId: string;
  private readonly token: () => string | null;

  constructor(boardId: string, token: () => string | null) {
    this.boardId = boardId;
    this.token = token;
  }

  private send(path: string, method: string, body?: unknown): Promise<Response> {
    return fetch(path, {
      method,
      headers: { ...bearer(this.token()), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** Reads a survey export on the server; with `dryRun`, only what it would write. */
  async importEvidence(request: EvidenceImportRequest): Promise<EvidenceImportResponse> {
    return evidenceImportResponseSchema.parse(
      await readJson(await this.send(evidencePath(this.boardId), 'POST', request)),
    );
  }

  async verbatims(stageId: string): Promise<readonly Verbatim[]> {
    const res = await this.send(verbatimsPath(this.boardId, stageId), 'GET');
    return verbatimListResponseSchema.parse(await readJson(res)).verbatims;
  }

  async keys(): Promise<readonly IntegrationKeyView[]> {
    return integrationKeyViewSchema
      .array()
      .parse(await readJson(await this.send(integrationKeysPath(this.boardId), 'GET')));
  }

  async createKey(name: string): Promise<IntegrationKeyCreated> {
    const res = await this.send(integrationKeysPath(this.boardId), 'POST', { name });
    return integrationKeyCreatedSchema.parse(await readJson(res));
  }

  async revokeKey(keyId: string): Promise<void> {
    await expectOk(await this.send(integrationKeyPath(this.boardId, keyId), 'DELETE'));
  }
}
