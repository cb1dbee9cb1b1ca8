import type { PrivateWritingService } from '../privateWriting/PrivateWritingService.ts';
import { HeldMessages } from './HeldMessages.ts';

/**
 * Wires private writing (server/privateWriting/PrivateWritingService.ts) into Hocuspocus:
 * `private:*` stateless messages on a board document go to the service. Drafts never touch the
 * document until the reveal.
 */
export class PrivateWriting extends HeldMessages<PrivateWritingService> {
  extensionName = 'PrivateWriting';
  protected readonly prefix = 'private:';
}
