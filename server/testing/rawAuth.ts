import type { Repositories } from '../repositories/Repositories.ts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { initializeBoard } from '../../shared/index.ts';
import { findTemplate } from '../../shared/templates/index.ts';
import { fillBoard } from '../../bench/bigBoard/generate.ts';

const MSG_AUTH = 2;
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;

/**
 * A Hocuspocus auth frame as a hostile client sends it. `session` makes each frame its own
 * attempt on one socket (`<document>\0<session>`): Hocuspocus queues, and then drops, a second
 * auth frame for an address whose first is still being checked.
 */
function authFrame(documentName: string, token: string, session?: string): Uint8Array<ArrayBuffer> {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, session === undefined ? documentName : `${documentName}\0${session}`);
  encoding.writeVarUint(e, MSG_AUTH);
  encoding.writeVarUint(e, AUTH_TOKEN);
  encoding.writeVarString(e, token);
  return new Uint8Array(encoding.toUint8Array(e));
}

/** An answer to an auth frame: its address and, when refused, the reason (null: let in). */
interface AuthAnswer {
  readonly address: string;
  readonly refusal: string | null;
}

/** Reads an auth answer from a server frame; null for any other message. */
function readAuthAnswer(data: ArrayBuffer): AuthAnswer | null {
  const d = decoding.createDecoder(new Uint8Array(data));
  const address = decoding.readVarString(d);
  if (decoding.readVarUint(d) !== MSG_AUTH) return null;
  const kind = decoding.readVarUint(d);
  return { address, refusal: kind === AUTH_PERMISSION_DENIED ? decoding.readVarString(d) : null };
}

/** A raw socket, optionally claiming to come through a proxy for `forwardedFor`. */
export function openRawSocket(url: string, forwardedFor?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    // Node's WebSocket (undici) takes headers in its second argument.
    const options = forwardedFor
      ? ({ headers: { 'x-forwarded-for': forwardedFor } } as unknown as string[])
      : undefined;
    const ws = new WebSocket(url, options);
    ws.binaryType = 'arraybuffer';
    ws.addEventListener('open', () => resolve(ws));
    ws.addEventListener('error', () => reject(new Error('socket failed to open')));
  });
}

/** Sends one auth frame and resolves with the server's refusal reason (null if it let it in). */
export function attemptAuth(
  ws: WebSocket,
  documentName: string,
  token: string,
  session: string,
): Promise<string | null> {
  const address = `${documentName}\0${session}`;
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const answer = readAuthAnswer(event.data as ArrayBuffer);
      if (answer?.address !== address) return;
      ws.removeEventListener('message', onMessage);
      resolve(answer.refusal);
    };
    ws.addEventListener('message', onMessage);
    ws.send(authFrame(documentName, token, session));
  });
}

/** Stores a board of `notes` generated notes straight into the store (never opened by the server). */
export async function storeBigBoard(store: Repositories, boardId: string, notes: number): Promise<void> {
  const doc = new Y.Doc();
  try {
    initializeBoard(doc, { boardId, title: 'Big board', template: findTemplate('ecommerce')!, now: Date.now() });
    fillBoard(doc, notes);
    await store.boards.createBoard({
      id: boardId,
      title: 'Big board',
      createdAt: Date.now(),
      snapshot: Y.encodeStateAsUpdate(doc),
    });
  } finally {
    doc.destroy();
  }
}
