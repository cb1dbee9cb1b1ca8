import type { Extension, onRequestPayload } from '@hocuspocus/server';
import type { RequestHandler } from '../http/handleRequest.ts';
import { answeredHere } from './hookControl.ts';
import { disconnectRole } from './RoleAccess.ts';

export interface HttpRequestsConfiguration {
  handle: RequestHandler;
}

/**
 * Plain HTTP on the WebSocket's port: Hocuspocus's Server hands every request to onRequest, and
 * this extension answers all of them (API, health, the built client) through the request
 * handler in server/http/, which never throws.
 */
export class HttpRequests implements Extension {
  extensionName = 'HttpRequests';
  private readonly handle: RequestHandler;

  constructor(configuration: HttpRequestsConfiguration) {
    this.handle = configuration.handle;
  }

  async onRequest({ request, response, instance }: onRequestPayload): Promise<void> {
    await this.handle(request, response, {
      liveDocument: (boardId) => instance.documents.get(boardId),
      disconnectRole: (boardId, role) => disconnectRole(instance, boardId, role),
    });
    return answeredHere();
  }
}
