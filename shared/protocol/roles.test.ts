import { describe, expect, it } from 'vitest';
import { atLeast, parseDocumentName, shareableRoles, shareLinkPath, tokenFromFragment } from './roles.ts';

describe('roles', () => {
  it('each role hands out its own link and the lower ones', () => {
    expect(shareableRoles('facilitator')).toEqual(['facilitator', 'editor', 'commenter', 'viewer']);
    expect(shareableRoles('commenter')).toEqual(['commenter', 'viewer']);
    expect(atLeast('editor', 'commenter')).toBe(true);
    expect(atLeast('viewer', 'commenter')).toBe(false);
  });

  it('names the comments document after its board', () => {
    expect(parseDocumentName('k3j9x0a1b2c3')).toEqual({ boardId: 'k3j9x0a1b2c3', kind: 'board' });
    expect(parseDocumentName('k3j9x0a1b2c3/comments')).toEqual({ boardId: 'k3j9x0a1b2c3', kind: 'comments' });
  });

  it('puts the token in the fragment and reads it back; rejects junk', () => {
    const token = 'A'.repeat(32);
    const path = shareLinkPath('k3j9x0a1b2c3', token);
    expect(path).toBe(`/b/k3j9x0a1b2c3#token=${token}`);
    expect(tokenFromFragment(new URL(path, 'http://x').hash)).toBe(token);
    expect(tokenFromFragment('#token=<script>')).toBeNull();
    expect(tokenFromFragment('')).toBeNull();
  });
});
