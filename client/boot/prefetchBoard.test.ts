import { afterEach, describe, expect, it, vi } from 'vitest';
import { BOARD_TOKENS_KEY, boardIdFromPath, prefetchBoard, takePrefetchedBoard } from './prefetchBoard.ts';
import { hasLocalCopy, markLocalCopy } from './localCopyMark.ts';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';
const PERSON = { personId: `person-${'p'.repeat(22)}`, credential: `jbc_${'c'.repeat(43)}` };
const CREDENTIAL_KEY = 'journeyboard.credential';

/** localStorage as far as the boot script uses it; a device that has been here before holds a credential. */
function storage(items: Record<string, string> = { [CREDENTIAL_KEY]: JSON.stringify(PERSON) }): Storage {
  return {
    getItem: (k: string) => items[k] ?? null,
    setItem: (k: string, v: string) => {
      items[k] = v;
    },
    removeItem: (k: string) => {
      delete items[k];
    },
  } as Storage;
}
const sentWith = (token: string) => ({
  Authorization: `Bearer ${token}`,
  'X-Journeyboard-Credential': PERSON.credential,
});

describe('prefetchBoard', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    takePrefetchedBoard('board00000001'); // nothing left over between tests
  });

  it('knows the board route', () => {
    expect(boardIdFromPath('/b/board00000001')).toBe('board00000001');
    expect(boardIdFromPath('/b/board00000001/')).toBe('board00000001');
    expect(boardIdFromPath('/')).toBeNull();
    expect(boardIdFromPath('/b/')).toBeNull();
    expect(boardIdFromPath('/b/a/b')).toBeNull();
  });

  it("downloads the board with the link's token, and hands the bytes over once", async () => {
    const fetch = vi.fn(
      async () => new Response(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'application/octet-stream' } }),
    );
    vi.stubGlobal('fetch', fetch);
    prefetchBoard({ pathname: '/b/board00000001', hash: `#token=${TOKEN}` }, storage());
    await vi.waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        '/api/boards/board00000001/state',
        expect.objectContaining({ headers: sentWith(TOKEN) }),
      ),
    );
    expect(takePrefetchedBoard('otherboard01')).toBeNull();
    expect(await takePrefetchedBoard('board00000001')).toEqual(new Uint8Array([1, 2, 3]));
    expect(takePrefetchedBoard('board00000001')).toBeNull();
  });

  it('uses the token kept from an earlier visit when the link has none', async () => {
    const fetch = vi.fn(async () => new Response(new Uint8Array()));
    vi.stubGlobal('fetch', fetch);
    prefetchBoard(
      { pathname: '/b/board00000001', hash: '' },
      storage({
        [BOARD_TOKENS_KEY]: JSON.stringify({ board00000001: TOKEN }),
        [CREDENTIAL_KEY]: JSON.stringify(PERSON),
      }),
    );
    await vi.waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        '/api/boards/board00000001/state',
        expect.objectContaining({ headers: sentWith(TOKEN) }),
      ),
    );
  });

  it('on a first visit, gets an identity through the link first, keeps it, then downloads as that person', async () => {
    const items: Record<string, string> = {};
    const fetch = vi.fn(async (path: string) =>
      path.endsWith('/identities')
        ? new Response(JSON.stringify(PERSON), { status: 201 })
        : new Response(new Uint8Array([7]), { headers: { 'Content-Type': 'application/octet-stream' } }),
    );
    vi.stubGlobal('fetch', fetch);
    prefetchBoard({ pathname: '/b/board00000001', hash: `#token=${TOKEN}` }, storage(items));
    expect(await takePrefetchedBoard('board00000001')).toEqual(new Uint8Array([7]));
    expect(fetch.mock.calls.map(([path]) => path)).toEqual([
      '/api/boards/board00000001/identities',
      '/api/boards/board00000001/state',
    ]);
    expect(fetch).toHaveBeenLastCalledWith(
      '/api/boards/board00000001/state',
      expect.objectContaining({ headers: sentWith(TOKEN) }),
    );
    expect(JSON.parse(items[CREDENTIAL_KEY] ?? 'null')).toEqual(PERSON);
  });

  it('starts nothing without a board, without a token, or with a malformed one', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    prefetchBoard({ pathname: '/', hash: `#token=${TOKEN}` }, storage());
    prefetchBoard({ pathname: '/b/board00000001', hash: '' }, storage());
    prefetchBoard({ pathname: '/b/board00000001', hash: '#token=short' }, storage({ [BOARD_TOKENS_KEY]: '{not json' }));
    expect(fetch).not.toHaveBeenCalled();
    expect(takePrefetchedBoard('board00000001')).toBeNull();
  });

  it('gives null, never an error, for a refusal, a network failure or an answer that is not a board state', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"error":{}}', { status: 401 })),
    );
    prefetchBoard({ pathname: '/b/board00000001', hash: `#token=${TOKEN}` }, storage());
    expect(await takePrefetchedBoard('board00000001')).toBeNull();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    prefetchBoard({ pathname: '/b/board00000001', hash: `#token=${TOKEN}` }, storage());
    expect(await takePrefetchedBoard('board00000001')).toBeNull();
    // A proxy that sends the app's HTML (or its own page) for an unknown path.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } })),
    );
    prefetchBoard({ pathname: '/b/board00000001', hash: `#token=${TOKEN}` }, storage());
    expect(await takePrefetchedBoard('board00000001')).toBeNull();
  });

  it('downloads nothing on a return visit: the board opens from the copy this device holds', async () => {
    const fetch = vi.fn(
      async () => new Response(new Uint8Array([1]), { headers: { 'Content-Type': 'application/octet-stream' } }),
    );
    vi.stubGlobal('fetch', fetch);
    const kept = storage();
    markLocalCopy('board00000001', true, kept);
    expect(hasLocalCopy('board00000001', kept)).toBe(true);
    expect(hasLocalCopy('board00000002', kept)).toBe(false);
    prefetchBoard({ pathname: '/b/board00000001', hash: `#token=${TOKEN}` }, kept);
    expect(fetch).not.toHaveBeenCalled();
    expect(takePrefetchedBoard('board00000001')).toBeNull();

    // A copy found without the board (evicted, say) forgets its mark: the next visit downloads.
    markLocalCopy('board00000001', false, kept);
    prefetchBoard({ pathname: '/b/board00000001', hash: `#token=${TOKEN}` }, kept);
    expect(await takePrefetchedBoard('board00000001')).toEqual(new Uint8Array([1]));
  });

  it('downloads as on a first visit when storage refuses to be read', async () => {
    const fetch = vi.fn(
      async () => new Response(new Uint8Array([2]), { headers: { 'Content-Type': 'application/octet-stream' } }),
    );
    vi.stubGlobal('fetch', fetch);
    const refusing = storage();
    const items = { [CREDENTIAL_KEY]: JSON.stringify(PERSON) };
    refusing.getItem = (k: string) => {
      if (k.startsWith('journeyboard.copy.')) throw new DOMException('denied', 'SecurityError');
      return items[k as keyof typeof items] ?? null;
    };
    expect(hasLocalCopy('board00000001', refusing)).toBe(false);
    prefetchBoard({ pathname: '/b/board00000001', hash: `#token=${TOKEN}` }, refusing);
    expect(await takePrefetchedBoard('board00000001')).toEqual(new Uint8Array([2]));
  });
});
