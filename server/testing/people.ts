import type { HeldPerson } from '../reveal/HeldAudience.ts';

/**
 * The people the voting and private-writing tests cast, each with a department of their own but
 * Cy's. The id names the identity the test server proves (identityNamed): the same id is the same
 * person, as on one device.
 */
export const fran: HeldPerson = { id: 'user-fran', name: 'Fran', department: 'product' };
export const ann: HeldPerson = { id: 'user-ann', name: 'Ann', department: 'sales' };
export const bo: HeldPerson = { id: 'user-bo', name: 'Bo', department: 'support' };
export const cy: HeldPerson = { id: 'user-cy', name: 'Cy', department: 'support' };
export const vic: HeldPerson = { id: 'user-vic', name: 'Vic', department: 'other' };

/** The secrecy tests' cast: ids and a name distinct enough that finding one in a payload is no chance. */
export const secrecyCast = {
  facilitator: { id: 'user-fran-0001', name: 'Fran', department: 'product' },
  editor: { id: 'user-ann-00001', name: 'Annabel', department: 'sales' },
  observer: { id: 'user-bo-000001', name: 'Bo', department: 'support' },
} as const satisfies Record<string, HeldPerson>;
