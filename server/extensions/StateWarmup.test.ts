import type { afterLoadDocumentPayload } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMMENTS_SUFFIX } from '../../shared/index.ts';
import type { EncodedStates } from '../live/encodedStates.ts';
import { StateWarmup } from './StateWarmup.ts';

describe('StateWarmup', () => {
  it("encodes a board a person's connection loaded, not one the server opened for itself, nor comments", async () => {
    const warmed: string[] = [];
    const warmup = new StateWarmup({ warm: (boardId: string) => warmed.push(boardId) } as unknown as EncodedStates);
    const load = (documentName: string, context: Record<string, unknown>) =>
      warmup.afterLoadDocument({ document: new Y.Doc(), documentName, context } as unknown as afterLoadDocumentPayload);
    await load('board0000001', { role: 'viewer', boardId: 'board0000001' });
    await load('board0000002', { voting: true });
    await load(`board0000003${COMMENTS_SUFFIX}`, { role: 'editor' });
    expect(warmed).toEqual([]); // not before the next turn of the event loop
    await new Promise((r) => setImmediate(r));
    expect(warmed).toEqual(['board0000001']);
  });
});
