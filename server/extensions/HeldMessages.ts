import type { Connection, Hocuspocus, onConfigurePayload, onStatelessPayload } from '@hocuspocus/server';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import { ServiceExtension } from './ServiceExtension.ts';

/** What the extension needs of a service of state held until a reveal (server/reveal/HeldService.ts). */
interface HeldMessageService {
  attach(instance: Hocuspocus): void;
  start(): Promise<void>;
  handle(connection: Connection, boardId: string, payload: string): Promise<void>;
  close(): void;
}

/**
 * Wires a feature whose state the server holds until a reveal (voting, private writing) into
 * Hocuspocus: its `<prefix>*` stateless messages on a board document go to its service, after
 * RoleAccess has checked the type and minimum role; the service lives as long as the server.
 */
export abstract class HeldMessages<Service extends HeldMessageService> extends ServiceExtension<Service> {
  /** The start of the feature's message types (`voting:`). */
  protected abstract readonly prefix: string;

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.service.attach(instance);
  }

  async onListen(): Promise<void> {
    await this.service.start();
  }

  async onStateless({ connection, documentName, payload }: onStatelessPayload): Promise<void> {
    if (!isMessageOf(this.prefix, payload)) return;
    const { boardId, kind } = parseDocumentName(documentName);
    if (kind !== 'board') return;
    await this.service.handle(connection, boardId, payload);
  }

  async onDestroy(): Promise<void> {
    this.service.close();
  }
}

/**
 * By its parsed `type`: a private-writing draft whose text says "voting: …" is not voting's. A
 * payload that is not JSON but names a message of `prefix` still goes on, to be refused with a
 * reason.
 */
export function isMessageOf(prefix: string, payload: string): boolean {
  try {
    const type = (JSON.parse(payload) as { type?: unknown } | null)?.type;
    return typeof type === 'string' && type.startsWith(prefix);
  } catch {
    return payload.includes(`"${prefix}`);
  }
}
