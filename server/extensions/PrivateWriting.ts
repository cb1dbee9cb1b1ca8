import type { Extension, onConfigurePayload, onStatelessPayload } from '@hocuspocus/server';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import type { PrivateWritingService } from '../privateWriting/PrivateWritingService.ts';

export interface PrivateWritingConfiguration {
  service: PrivateWritingService;
}

/**
 * Wires private writing (server/privateWriting/PrivateWritingService.ts) into Hocuspocus:
 * `private:*` stateless messages on a board document go to the service, after RoleAccess has
 * checked the type and minimum role. Drafts never touch the document until the reveal.
 */
export class PrivateWriting implements Extension {
  extensionName = 'PrivateWriting';
  private readonly service: PrivateWritingService;

  constructor(configuration: PrivateWritingConfiguration) {
    this.service = configuration.service;
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.service.attach(instance);
  }

  async onListen(): Promise<void> {
    await this.service.start();
  }

  async onStateless({ connection, documentName, payload }: onStatelessPayload): Promise<void> {
    if (!statelessType(payload)?.startsWith('private:')) return;
    const { boardId, kind } = parseDocumentName(documentName);
    if (kind !== 'board') return;
    await this.service.handle(connection, boardId, payload);
  }

  async onDestroy(): Promise<void> {
    this.service.close();
  }
}

function statelessType(payload: string): string | null {
  try {
    const type = (JSON.parse(payload) as { type?: unknown } | null)?.type;
    return typeof type === 'string' ? type : null;
  } catch {
    return null;
  }
}
