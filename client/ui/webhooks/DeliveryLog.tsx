import { useCallback, useEffect, useState } from 'react';
import type { DeliveryView } from '../../../shared/protocol/webhooks.ts';
import type { WebhooksApi } from '../../api/webhooks.ts';
import { EVENT_LABELS } from './eventLabels.ts';

const STATE_LABEL = { delivered: 'Delivered', pending: 'Retrying', failed: 'Failed' } as const;

function outcome(d: DeliveryView): string {
  if (d.state === 'delivered') return `HTTP ${d.lastStatus ?? 200}`;
  if (d.attempts === 0) return 'Sending…';
  const why = d.lastStatus !== null ? `HTTP ${d.lastStatus}` : (d.lastError ?? 'no answer');
  return `${why} · ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`;
}

const timeOf = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A webhook's last deliveries, newest first, each with its outcome and "Send again". */
export function DeliveryLog({
  api,
  webhookId,
  onError,
}: {
  api: WebhooksApi;
  webhookId: string;
  onError: (m: string) => void;
}) {
  const [list, setList] = useState<readonly DeliveryView[] | null>(null);
  const load = useCallback(
    () => api.deliveries(webhookId).then(setList, (e: Error) => onError(e.message)),
    [api, webhookId, onError],
  );
  useEffect(() => void load(), [load]);
  const again = async (d: DeliveryView) => {
    try {
      await api.redeliver(d.id);
      await load();
    } catch (e) {
      onError((e as Error).message);
    }
  };
  return (
    <section className="wh-log" aria-label="Delivery log" data-testid="delivery-log">
      <div className="wh-log-head">
        <h4>Delivery log</h4>
        <button
          type="button"
          className="btn ghost wh-small"
          onClick={() => void load()}
          data-testid="deliveries-refresh"
        >
          Refresh
        </button>
      </div>
      {list === null && <p className="muted">Loading…</p>}
      {list?.length === 0 && <p className="muted wh-empty-log">Nothing sent yet. Events appear here as they happen.</p>}
      {list && list.length > 0 && (
        <ul className="wh-deliveries">
          {list.map((d) => (
            <li key={d.id} className={`wh-delivery state-${d.state}`} data-testid="delivery" data-state={d.state}>
              <span className={`wh-badge state-${d.state}`}>{STATE_LABEL[d.state]}</span>
              <span className="wh-delivery-text">
                <span className="wh-delivery-event">{EVENT_LABELS[d.event].name}</span>
                <span className="wh-delivery-meta">
                  {timeOf(d.createdAt)} · {outcome(d)}
                </span>
              </span>
              <button
                type="button"
                className="btn wh-small"
                onClick={() => void again(d)}
                aria-label={`Send again: ${EVENT_LABELS[d.event].name}, ${timeOf(d.createdAt)}`}
                data-testid="redeliver"
              >
                Send again
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
