import { describe, expect, it } from 'vitest';
import { admission, type CapacityLimits } from './capacityRules.ts';

const limits: CapacityLimits = { maxConnections: 10, reserved: 2, maxPerAddress: 4, facilitatorSlots: 3 };
const room = (total: number, byRole = {}, fromAddress = 0) => ({ total, byRole, fromAddress });

describe('admission', () => {
  it('admits without the role while any role would get in, and asks for it when the board is nearly full', () => {
    expect(admission(null, room(7), limits)).toBe('admit');
    expect(admission(null, room(8), limits)).toBe('need-role');
    expect(admission(null, room(0, {}, 4), limits)).toBe('need-role');
  });

  it('keeps slots for editors and facilitators that viewers and commenters cannot take', () => {
    const crowd = room(8, { viewer: 5, commenter: 3 });
    expect(admission('viewer', crowd, limits)).toBe('full');
    expect(admission('commenter', crowd, limits)).toBe('full');
    expect(admission('editor', crowd, limits)).toBe('admit');
    expect(admission('editor', room(10, { viewer: 8, editor: 2 }), limits)).toBe('full');
  });

  it('facilitators get in on slots of their own, past the board and the address caps', () => {
    expect(admission('facilitator', room(10, { editor: 10 }, 4), limits)).toBe('admit');
    expect(admission('facilitator', room(13, { editor: 10, facilitator: 3 }), limits)).toBe('full');
    // Their slots do not eat the others' room.
    expect(admission('editor', room(12, { editor: 9, facilitator: 3 }), limits)).toBe('admit');
  });

  it('caps one address', () => {
    expect(admission('editor', room(4, { editor: 4 }, 4), limits)).toBe('address-full');
  });
});
