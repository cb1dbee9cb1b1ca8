import type { CheckpointKindName, CheckpointSummary } from '../../shared/index.ts';

/** How the History panel names each kind of checkpoint. */
export const KIND_INFO: Readonly<Record<CheckpointKindName, { readonly icon: string; readonly name: string }>> = {
  named: { icon: '★', name: 'Saved version' },
  activity: { icon: '◷', name: 'Automatic' },
  'before-restore': { icon: '↺', name: 'Before a restore' },
  'before-migration': { icon: '⚙', name: 'Before an upgrade' },
  'vote-reveal': { icon: '◉', name: 'Votes revealed' },
  'before-mass-delete': { icon: '⚠', name: 'Before a mass removal' },
};

/** "Today 14:05", "Yesterday 09:12", "3 Mar 16:40", "3 Mar 2025 16:40". */
export function formatWhen(at: number, now = Date.now()): string {
  const d = new Date(at);
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const day = (x: Date) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  const days = Math.round((day(new Date(now)) - day(d)) / 86_400_000);
  if (days === 0) return `Today ${time}`;
  if (days === 1) return `Yesterday ${time}`;
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  return `${d.toLocaleDateString([], { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) })} ${time}`;
}

export function describeCheckpoint(c: CheckpointSummary, now = Date.now()): string {
  const parts = [
    formatWhen(c.createdAt, now),
    c.createdBy?.name ?? KIND_INFO[c.kind].name,
    `${c.noteCount} note${c.noteCount === 1 ? '' : 's'}`,
  ];
  return parts.join(' · ');
}
