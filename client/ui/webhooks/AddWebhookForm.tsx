import { useId, useState } from 'react';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../../shared/protocol/webhooks.ts';
import { EVENT_LABELS } from './eventLabels.ts';

/** A receiver URL and the events to send it; the server checks the URL (no private targets). */
export function AddWebhookForm({
  onAdd,
  busy,
}: {
  onAdd: (url: string, events: readonly WebhookEvent[]) => Promise<boolean>;
  busy: boolean;
}) {
  const urlId = useId();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<ReadonlySet<WebhookEvent>>(new Set(['round.revealed', 'priorities.changed']));
  const toggle = (e: WebhookEvent, on: boolean) =>
    setEvents((s) => {
      const next = new Set(s);
      if (on) next.add(e);
      else next.delete(e);
      return next;
    });
  return (
    <form
      className="wh-add"
      aria-label="Add a webhook"
      onSubmit={(e) => {
        e.preventDefault();
        void onAdd(
          url.trim(),
          WEBHOOK_EVENTS.filter((ev) => events.has(ev)),
        ).then((added) => added && setUrl(''));
      }}
    >
      <h3>Add a webhook</h3>
      <label htmlFor={urlId} className="wh-label">
        Receiver URL
      </label>
      <input
        id={urlId}
        type="url"
        className="wh-url-input"
        placeholder="https://hooks.example.com/journeyboard"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        required
        data-testid="webhook-url"
      />
      <fieldset className="wh-events">
        <legend className="wh-label">Send these events</legend>
        {WEBHOOK_EVENTS.map((ev) => (
          <label key={ev} className="wh-event">
            <input
              type="checkbox"
              checked={events.has(ev)}
              onChange={(e) => toggle(ev, e.target.checked)}
              data-testid={`webhook-event-${ev}`}
            />
            <span>
              <span className="wh-event-name">{EVENT_LABELS[ev].name}</span>
              <span className="wh-event-when">{EVENT_LABELS[ev].when}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="dialog-actions wh-add-actions">
        <button
          type="submit"
          className="btn primary"
          disabled={busy || url.trim() === '' || events.size === 0}
          data-testid="webhook-add"
        >
          Add webhook
        </button>
      </div>
    </form>
  );
}
