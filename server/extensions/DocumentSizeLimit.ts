import type { afterLoadDocumentPayload, beforeHandleMessagePayload, Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { BoardTooLarge } from '../../shared/protocol/closeReasons.ts';
import { documentUpdateOf } from './UpdateValidation.ts';
import { log } from '../observability/log.ts';

export interface DocumentSizeLimitConfiguration {
  maxDocumentBytes: number;
}

/**
 * Refuses a document update that would grow a board past MAX_DOCUMENT_BYTES, before it is
 * applied: the connection is closed with `board-too-large` and the board stays as it was.
 *
 * The size is an estimate kept per document: its encoded size at load plus the size of every
 * update since (an over-estimate, since updates overlap and deletions shrink). Only when the
 * estimate would cross the cap is the document encoded to measure it exactly, so the hot path
 * costs one addition.
 */
export class DocumentSizeLimit implements Extension {
  extensionName = 'DocumentSizeLimit';

  private readonly max: number;
  private readonly estimate = new WeakMap<Y.Doc, number>();

  constructor(configuration: DocumentSizeLimitConfiguration) {
    this.max = configuration.maxDocumentBytes;
  }

  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    this.estimate.set(document, Y.encodeStateAsUpdate(document).byteLength);
    document.on('update', (update: Uint8Array) =>
      this.estimate.set(document, (this.estimate.get(document) ?? 0) + update.byteLength),
    );
  }

  async beforeHandleMessage({ document, update, documentName, connection }: beforeHandleMessagePayload): Promise<void> {
    const size = updateSize(update);
    if (size === 0) return;
    const estimate = this.estimate.get(document) ?? 0;
    if (estimate + size <= this.max) return;
    const exact = Y.encodeStateAsUpdate(document).byteLength;
    this.estimate.set(document, exact);
    if (exact + size > this.max) {
      log.warn(
        { board: documentName, conn: connection.socketId, updateBytes: size, documentBytes: exact, capBytes: this.max },
        'refused an update: the board would pass its size cap',
      );
      throw BoardTooLarge;
    }
  }
}

/** Bytes of Yjs update in a sync-step-2 or update message; 0 for any other message. */
export function updateSize(message: Uint8Array): number {
  return documentUpdateOf(message)?.byteLength ?? 0;
}
