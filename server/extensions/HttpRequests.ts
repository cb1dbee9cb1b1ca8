import type { Extension, Hocuspocus, onRequestPayload } from '@hocuspocus/server';
import type { Role } from '../../shared/protocol/roles.ts';
import type { RequestHandler } from '../http/app.ts';
import { answeredHere } from './hookControl.ts';
import { disconnectRole } from '../access/linkRoles.ts';

export interface HttpRequestsConfiguration {
  handle: RequestHandler;
  /** How a rotation closes the old link's connections; several instances close them on every one. */
  disconnectRole?: (instance: Hocuspocus, boardId: string, role: Role) => number;
}

/**
 * Plain HTTP on the WebSocket's port: Hocuspocus's Server hands every request to onRequest, and
 * this extension answers all of them (API, health, the built client) through the request
 * handler in server/http/, which never throws.
 */
export class HttpRequests implements Extension {
  extensionName = 'HttpRequests';
  private readonly handle: RequestHandler;
  private readonly disconnectRole: NonNullable<HttpRequestsConfiguration['disconnectRole']>;

  constructor(configuration: HttpRequestsConfiguration) {
    this.handle = configuration.handle;
    this.disconnectRole = configuration.disconnectRole ?? disconnectRole;
  }

  async onRequest({ request, response, instance }: onRequestPayload): Promise<void> {
    await this.handle(request, response, {
      liveDocument: (boardId) => instance.documents.get(boardId),
      disconnectRole: (boardId, role) => this.disconnectRole(instance, boardId, role),
    });
    return answeredHere();
  }
}
