/** Record ids are `<type>:<random>`, so a record's type is readable from its key alone. */
export type RecordType = 'stage' | 'lane' | 'note' | 'persona' | 'round' | 'kpi' | 'connector' | 'channel' | 'path';
export type RecordId<T extends RecordType = RecordType> = `${T}:${string}`;
export type StageId = RecordId<'stage'>;
export type LaneId = RecordId<'lane'>;
export type NoteId = RecordId<'note'>;
export type PersonaId = RecordId<'persona'>;
export type RoundId = RecordId<'round'>;
export type KpiId = RecordId<'kpi'>;
export type ConnectorId = RecordId<'connector'>;
export type ChannelId = RecordId<'channel'>;
export type PathId = RecordId<'path'>;

const RECORD_TYPES: readonly RecordType[] = [
  'stage',
  'lane',
  'note',
  'persona',
  'round',
  'kpi',
  'connector',
  'channel',
  'path',
];

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * 16 base-36 characters (~82 bits). Uses getRandomValues, not randomUUID, because randomUUID is
 * missing on plain-http LAN origins, which is how workshops on a laptop are often served.
 */
export function randomId(length = 16): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return out;
}

export function newId<T extends RecordType>(type: T): RecordId<T> {
  return `${type}:${randomId()}`;
}

export function recordTypeOf(id: string): RecordType | undefined {
  const type = id.slice(0, id.indexOf(':'));
  return (RECORD_TYPES as readonly string[]).includes(type) ? (type as RecordType) : undefined;
}

export function isRecordId<T extends RecordType>(type: T, id: unknown): id is RecordId<T> {
  return typeof id === 'string' && id.startsWith(`${type}:`) && id.length > type.length + 1;
}
