import { z } from 'zod';
import { newRecordMap, recordsMap, type RecordMap } from '../../doc/boardDoc.ts';
import {
  connectorIdSchema,
  connectorKindSchema,
  connectorLabelSchema,
  connectorShareSchema,
} from '../../schema/connector.ts';
import { isRecordId, newId, type ConnectorId, type NoteId } from '../../schema/ids.ts';
import { noteIdSchema } from '../../schema/note.ts';
import { CommandError } from '../errors.ts';
import { requireRecord, type CommandContext } from './context.ts';
import { command } from './define.ts';

const endsSchema = z
  .object({ from: noteIdSchema, to: noteIdSchema })
  .refine((e) => e.from !== e.to, 'A connector joins two different notes, not a note to itself');

function requireEnds(ctx: CommandContext, from: NoteId, to: NoteId): void {
  requireRecord(ctx, from, 'note');
  requireRecord(ctx, to, 'note');
}

function requireConnector(ctx: CommandContext, id: ConnectorId): RecordMap {
  return requireRecord(ctx, id, 'connector');
}

/**
 * Whether a connector (drawn or orphan) already joins `from` to `to`. Reads the records, not the
 * board: a snapshot of a 5,000-note board costs ~50 ms a command where no cached one is at hand.
 */
function alreadyConnected(ctx: CommandContext, from: NoteId, to: NoteId): boolean {
  for (const [key, rec] of recordsMap(ctx.doc))
    if (isRecordId('connector', key) && rec.get('from') === from && rec.get('to') === to) return true;
  return false;
}

/** `label` and `share` are absent keys when empty: most connectors have neither. */
function setOptional(rec: RecordMap, key: 'label' | 'share', value: string | number | null): void {
  if (value === null || value === '') {
    if (rec.has(key)) rec.delete(key);
  } else if (rec.get(key) !== value) rec.set(key, value);
}

/** Draws a connector from one note to another; refuses a second one with the same two ends. */
export const addConnector = command(
  endsSchema.and(
    z.object({
      kind: connectorKindSchema.default('next-step'),
      label: connectorLabelSchema.optional(),
      share: connectorShareSchema.nullable().optional(),
    }),
  ),
  (ctx, { from, to, kind, label, share }) => {
    requireEnds(ctx, from, to);
    if (alreadyConnected(ctx, from, to))
      throw new CommandError('invalid-input', 'These two notes are already connected in this direction.');
    const id = newId('connector');
    recordsMap(ctx.doc).set(
      id,
      newRecordMap({
        from,
        to,
        kind,
        ...(label ? { label } : {}),
        ...(share !== undefined && share !== null ? { share } : {}),
      }),
    );
    return id;
  },
);

export const retypeConnector = command(
  z.object({ connectorId: connectorIdSchema, kind: connectorKindSchema }),
  (ctx, { connectorId, kind }) => {
    const rec = requireConnector(ctx, connectorId);
    if (rec.get('kind') !== kind) rec.set('kind', kind);
  },
);

/** An empty label removes it. */
export const relabelConnector = command(
  z.object({ connectorId: connectorIdSchema, label: connectorLabelSchema }),
  (ctx, { connectorId, label }) => setOptional(requireConnector(ctx, connectorId), 'label', label),
);

/** `null` clears the share. */
export const setConnectorShare = command(
  z.object({ connectorId: connectorIdSchema, share: connectorShareSchema.nullable() }),
  (ctx, { connectorId, share }) => setOptional(requireConnector(ctx, connectorId), 'share', share),
);

/** Points a connector at other notes: how an orphan (an end deleted concurrently) is repaired. */
export const reconnectConnector = command(
  z.object({ connectorId: connectorIdSchema }).and(endsSchema),
  (ctx, { connectorId, from, to }) => {
    const rec = requireConnector(ctx, connectorId);
    requireEnds(ctx, from, to);
    if (rec.get('from') !== from) rec.set('from', from);
    if (rec.get('to') !== to) rec.set('to', to);
    return connectorId;
  },
);

export const deleteConnectors = command(
  z.object({ connectorIds: z.array(connectorIdSchema).min(1, 'Select at least one connector').max(5000) }),
  (ctx, { connectorIds }) => {
    for (const id of connectorIds) requireConnector(ctx, id);
    for (const id of connectorIds) recordsMap(ctx.doc).delete(id);
  },
);
