import { useConnection } from '../board/hooks.ts';

/** Always visible: whether edits reach the others right now. */
export function ConnectionPill() {
  const c = useConnection();
  const [tone, text, title] =
    c.kind === 'connected'
      ? ['ok', c.saving ? 'Saving…' : 'Live', 'Connected: everyone sees your edits as you make them']
      : c.kind === 'connecting'
        ? ['wait', 'Connecting…', 'Connecting to the board']
        : c.kind === 'reconnecting'
          ? ['warn', 'Reconnecting…', 'Connection lost. Keep working: your edits are kept and sent when it returns']
          : c.kind === 'offline'
            ? ['off', c.pending ? 'Offline · edits kept' : 'Offline', 'You are offline. Your edits are kept and sent when you are back']
            : ['error', 'Not connected', c.reason];
  return (
    <span className={`pill pill-${tone}`} data-testid="connection-status" data-state={c.kind} title={title} role="status">
      <span className="pill-dot" aria-hidden />
      {text}
    </span>
  );
}
