import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/protocol/roles.ts';
import { makeTempDir, removeDir } from '../testing/testServer.ts';
import { openSqliteRepositories } from '../repositories/Repositories.ts';
import { hashToken, levelSecret, makeRow, matchToken, newBoardSecret, TOKEN_BYTES, unseal } from './shareTokens.ts';
import { ShareLinks } from './ShareLinks.ts';

describe('share tokens', () => {
  it('have at least 128 random bits and differ per role and per generation', () => {
    expect(TOKEN_BYTES * 8).toBeGreaterThanOrEqual(128);
    const top = newBoardSecret();
    const tokens = ROLES.flatMap((r) => [1, 2].map((g) => makeRow(r, levelSecret('facilitator', top, r), g).token));
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const t of tokens) expect(Buffer.from(t, 'base64url').length).toBe(TOKEN_BYTES);
  });

  it('a level derives the levels below it, never above', () => {
    const top = newBoardSecret();
    const editor = levelSecret('facilitator', top, 'editor');
    expect(levelSecret('editor', editor, 'viewer')).toEqual(levelSecret('facilitator', top, 'viewer'));
    expect(() => levelSecret('editor', editor, 'facilitator')).toThrow();
  });

  it('stores only a hash and a sealed secret that only the token opens', () => {
    const secret = levelSecret('facilitator', newBoardSecret(), 'editor');
    const { row, token } = makeRow('editor', secret, 1);
    expect(Buffer.from(row.tokenHash)).toEqual(hashToken(token));
    expect(Buffer.from(row.sealed).toString('base64url')).not.toContain(token);
    expect(unseal(row, token)).toEqual(secret);
    expect(unseal(row, `${token}x`)).not.toEqual(secret);
    expect(matchToken([row], token)).toBe(row);
    expect(matchToken([row], token.slice(1))).toBeNull();
    expect(matchToken([row], '')).toBeNull();
  });

  it('ShareLinks: the database holds no usable token; each role sees its own link and the lower ones', async () => {
    const dir = makeTempDir();
    const store = await openSqliteRepositories(dir);
    try {
      await store.boards.createBoard({ id: 'board0000001', title: 'T', createdAt: 1, snapshot: new Uint8Array([0]) });
      const links = new ShareLinks(store.boards);
      const tokens = await links.create('board0000001');
      const rows = await store.boards.loadShareLinks('board0000001');
      const stored = Buffer.concat(rows.flatMap((r) => [Buffer.from(r.tokenHash), Buffer.from(r.sealed)])).toString(
        'latin1',
      );
      for (const t of Object.values(tokens)) {
        expect(stored).not.toContain(t);
        expect(stored).not.toContain(Buffer.from(t, 'base64url').toString('latin1'));
      }
      expect(await links.visibleTo('board0000001', tokens.facilitator)).toEqual({ role: 'facilitator', tokens });
      expect(await links.visibleTo('board0000001', tokens.editor)).toEqual({
        role: 'editor',
        tokens: { editor: tokens.editor, commenter: tokens.commenter, viewer: tokens.viewer },
      });
      expect(await links.visibleTo('board0000001', tokens.viewer)).toEqual({
        role: 'viewer',
        tokens: { viewer: tokens.viewer },
      });
      expect(await links.rotate('board0000001', tokens.editor, 'viewer')).toEqual({ ok: false, code: 'forbidden' });
      const rotated = await links.rotate('board0000001', tokens.facilitator, 'editor');
      expect(rotated.ok).toBe(true);
      expect(await links.roleOf('board0000001', tokens.editor)).toBeNull();
      const fresh = rotated.ok ? rotated.links.tokens.editor! : '';
      expect(await links.roleOf('board0000001', fresh)).toBe('editor');
      expect(await links.roleOf('board0000001', tokens.viewer)).toBe('viewer'); // other links unchanged
    } finally {
      await store.close();
      removeDir(dir);
    }
  });
});
