import { z } from 'zod';
import { isRecordId, type ConnectorId, type NoteId } from './ids.ts';

/**
 * A step of the journey from one note to another (schema 7). Its ends are note ids; a connector
 * whose end no longer exists (deleted concurrently) is an orphan: kept and shown for repair,
 * never dropped by a reader. Each field is its own key, so a retype and a relabel made at once
 * both stay.
 */
export interface Connector {
  readonly typeName: 'connector';
  readonly id: ConnectorId;
  readonly from: NoteId;
  readonly to: NoteId;
  readonly kind: ConnectorKind;
  /** Shown on the arrow; "" for none (stored as an absent key). */
  readonly label: string;
  /** Share of customers who take this step, 0–100 %, or null when unknown (an absent key). */
  readonly share: number | null;
}

export const CONNECTOR_KINDS = ['next-step', 'alternative', 'drop-out', 'loop-back'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

export const CONNECTOR_KIND_LABEL: Record<ConnectorKind, string> = {
  'next-step': 'Next step',
  alternative: 'Alternative',
  'drop-out': 'Drop-out',
  'loop-back': 'Loop back',
};

export const CONNECTOR_LIMITS = { labelLength: 60, maxShare: 100 } as const;

export const connectorIdSchema = z.custom<ConnectorId>((v) => isRecordId('connector', v), 'Not a connector id');
export const connectorKindSchema = z.enum(CONNECTOR_KINDS, {
  error: () => `A connector's type is one of ${CONNECTOR_KINDS.join(', ')}`,
});
export const connectorLabelSchema = z
  .string()
  .trim()
  .max(CONNECTOR_LIMITS.labelLength, `A connector's label has at most ${CONNECTOR_LIMITS.labelLength} characters`);
export const connectorShareSchema = z
  .number({ error: () => 'A share is a number of per cent, 0–100' })
  .min(0, 'A share is at least 0 %')
  .max(CONNECTOR_LIMITS.maxShare, `A share is at most ${CONNECTOR_LIMITS.maxShare} %`);

const KIND_SET: ReadonlySet<unknown> = new Set(CONNECTOR_KINDS);

/** What `connectorShareSchema` accepts, without a parse: read once per connector on every open. */
function isShare(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v <= CONNECTOR_LIMITS.maxShare;
}

/**
 * Tolerant: a field that does not match reads as its default; unknown fields are ignored. Plain
 * checks, not the schemas: a board opens with thousands of connectors to read, and a failed
 * `safeParse` (every connector without a share) builds an error object (connector.test.ts keeps
 * the two in step).
 */
export function readConnector(id: ConnectorId, raw: Record<string, unknown>): Connector {
  return {
    typeName: 'connector',
    id,
    from: isRecordId('note', raw.from) ? raw.from : 'note:missing',
    to: isRecordId('note', raw.to) ? raw.to : 'note:missing',
    kind: KIND_SET.has(raw.kind) ? (raw.kind as ConnectorKind) : 'next-step',
    label: typeof raw.label === 'string' ? raw.label : '',
    share: isShare(raw.share) ? raw.share : null,
  };
}

/** "Next step, 40 %: pays by card" — for screen readers, the outline and the toolbar. */
export function describeConnector(c: Pick<Connector, 'kind' | 'label' | 'share'>): string {
  const share = c.share !== null ? `, ${formatShare(c.share)}` : '';
  return `${CONNECTOR_KIND_LABEL[c.kind]}${share}${c.label ? `: ${c.label}` : ''}`;
}

export function formatShare(share: number): string {
  return `${Math.round(share * 10) / 10} %`;
}
