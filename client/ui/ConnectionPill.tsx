import { useConnection } from '../board/hooks.ts';

const waiting = (n: number) => (n === 1 ? '1 change waiting' : `${n} changes waiting`);

/** Always visible: whether edits reach the others right now, and whether they are stored. */
export function ConnectionPill() {
  const c = useConnection();
  const [tone, text, title] =
    c.kind === 'connected'
      ? c.savingDelayed
        ? [
            'warn',
            'Saving delayed',
            'The server cannot write to its database right now. Everyone still sees your edits; they are kept on the server and on this device, and saved as soon as it works again.',
          ]
        : ['ok', c.saving ? 'Saving…' : 'Live', 'Connected: everyone sees your edits as you make them']
      : c.kind === 'connecting'
        ? ['wait', c.pending > 0 ? `Connecting · ${waiting(c.pending)}` : 'Connecting…', 'Connecting to the board']
        : c.kind === 'reconnecting'
          ? [
              'warn',
              c.pending > 0 ? `Reconnecting · ${waiting(c.pending)}` : 'Reconnecting…',
              'Connection lost. Keep working: your edits are kept on this device and sent when it returns',
            ]
          : c.kind === 'offline'
            ? [
                'off',
                c.pending > 0 ? `Offline · ${waiting(c.pending)}` : 'Offline',
                'You are offline. Your edits are kept on this device, even if you close the tab, and sent when you are back',
              ]
            : ['error', 'Not connected', c.reason];
  return (
    <span
      className={`pill pill-${tone}`}
      data-testid="connection-status"
      data-state={c.kind === 'connected' && c.savingDelayed ? 'saving-delayed' : c.kind}
      title={title}
      role="status"
    >
      <span className="pill-dot" aria-hidden />
      {text}
    </span>
  );
}
