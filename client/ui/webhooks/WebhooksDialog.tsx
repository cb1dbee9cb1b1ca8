import { useCallback, useEffect, useMemo, useState } from 'react';
import type { WebhookEvent, WebhookView } from '../../../shared/protocol/webhooks.ts';
import { WebhooksApi } from '../../api/webhooks.ts';
import { useSession } from '../../board/hooks.ts';
import { Dialog } from '../Dialog.tsx';
import { AddWebhookForm } from './AddWebhookForm.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { EVENT_LABELS } from './eventLabels.ts';
import { SecretReveal } from './SecretReveal.tsx';
import './webhooks.css';

/**
 * Facilitators: the board's webhooks. Add one (URL and events; its signing secret is shown once),
 * remove it, replace its secret, read its delivery log and send a delivery again. The server
 * decides who may (a facilitator's link) and which URLs are allowed; this shows its answers.
 */
export function WebhooksDialog({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const api = useMemo(() => new WebhooksApi(session.boardId, () => session.token), [session]);
  const [hooks, setHooks] = useState<readonly WebhookView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<{ secret: string; url: string } | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const reload = useCallback(() => api.list().then(setHooks, (e: Error) => setError(e.message)), [api]);
  useEffect(() => void reload(), [reload]);

  const act = async (fn: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = (url: string, events: readonly WebhookEvent[]) =>
    act(async () => {
      const created = await api.add(url, events);
      setSecret({ secret: created.secret, url: created.webhook.url });
      await reload();
    });
  const rotate = (hook: WebhookView) =>
    act(async () => setSecret({ secret: await api.rotateSecret(hook.id), url: hook.url }));
  const remove = (hook: WebhookView) =>
    act(async () => {
      await api.remove(hook.id);
      setRemoving(null);
      if (logOf === hook.id) setLogOf(null);
      await reload();
    });

  return (
    <Dialog title="Webhooks" onClose={onClose} className="webhooks-dialog">
      <p className="wh-intro">
        Send what happens on this board to another tool: each event is POSTed as signed JSON to your URL.
      </p>
      {secret && <SecretReveal secret={secret.secret} url={secret.url} onDone={() => setSecret(null)} />}
      {error && (
        <p className="error wh-error" role="alert" data-testid="webhook-error">
          {error}
        </p>
      )}
      {hooks === null && !error && <p className="muted">Loading…</p>}
      {hooks?.length === 0 && <p className="muted wh-none">No webhooks yet.</p>}
      {hooks && hooks.length > 0 && (
        <ul className="wh-list" aria-label="Webhooks of this board">
          {hooks.map((hook) => (
            <li key={hook.id} className="wh-item" data-testid="webhook-item">
              <div className="wh-item-head">
                <span className="wh-url" title={hook.url} data-testid="webhook-item-url">
                  {hook.url}
                </span>
                <span className="wh-chips">
                  {hook.events.map((ev) => (
                    <span key={ev} className="wh-chip">
                      {EVENT_LABELS[ev].name}
                    </span>
                  ))}
                </span>
              </div>
              {removing === hook.id ? (
                <div className="wh-confirm">
                  <span>Remove it and its delivery log?</span>
                  <Action label="Keep" onClick={() => setRemoving(null)} disabled={busy} />
                  <Action
                    label="Remove"
                    className="btn danger"
                    onClick={() => void remove(hook)}
                    disabled={busy}
                    testId="webhook-remove-confirm"
                  />
                </div>
              ) : (
                <div className="wh-actions">
                  <Action
                    label="Delivery log"
                    className={logOf === hook.id ? 'btn wh-small active' : 'btn wh-small'}
                    expanded={logOf === hook.id}
                    onClick={() => setLogOf(logOf === hook.id ? null : hook.id)}
                    testId="webhook-deliveries"
                  />
                  <Action
                    label="New secret"
                    onClick={() => void rotate(hook)}
                    disabled={busy}
                    testId="webhook-rotate"
                  />
                  <Action
                    label="Remove"
                    className="btn wh-small wh-remove"
                    onClick={() => setRemoving(hook.id)}
                    testId="webhook-remove"
                  />
                </div>
              )}
              {logOf === hook.id && <DeliveryLog api={api} webhookId={hook.id} onError={setError} />}
            </li>
          ))}
        </ul>
      )}
      <AddWebhookForm onAdd={add} busy={busy} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} data-testid="webhooks-close">
          Close
        </button>
      </div>
    </Dialog>
  );
}

/** One of a webhook's buttons. */
function Action({
  label,
  onClick,
  className = 'btn wh-small',
  disabled = false,
  expanded,
  testId,
}: {
  label: string;
  onClick: () => void;
  className?: string;
  disabled?: boolean;
  expanded?: boolean;
  testId?: string;
}) {
  return (
    <button
      type="button"
      className={className}
      onClick={onClick}
      disabled={disabled}
      aria-expanded={expanded}
      data-testid={testId}
    >
      {label}
    </button>
  );
}
