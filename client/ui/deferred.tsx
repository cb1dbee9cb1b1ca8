import { lazy, Suspense, type ReactNode } from 'react';

/**
 * Panels and dialogs that nobody needs to see a board: loaded when first opened, so the script a
 * board waits for is smaller (the bundle took ~0.5 s to evaluate on a 5,000-note board here, see
 * docs/performance.md). Each is rendered inside `<Deferred>`, which shows nothing meanwhile. The
 * outline and the KPI panel, which sit above ui/, are deferred the same way by the board page.
 */
export const ChannelsPanel = lazy(() => import('./ChannelsPanel.tsx').then((m) => ({ default: m.ChannelsPanel })));
export const PathsPanel = lazy(() => import('./PathsPanel.tsx').then((m) => ({ default: m.PathsPanel })));
export const TeamsPanel = lazy(() => import('./TeamsPanel.tsx').then((m) => ({ default: m.TeamsPanel })));
export const PersonasPanel = lazy(() => import('./PersonasPanel.tsx').then((m) => ({ default: m.PersonasPanel })));
export const PriorityPanel = lazy(() => import('./PriorityPanel.tsx').then((m) => ({ default: m.PriorityPanel })));
export const HistoryPanel = lazy(() => import('./HistoryPanel.tsx').then((m) => ({ default: m.HistoryPanel })));
export const SaveTemplateDialog = lazy(() =>
  import('./SaveTemplateDialog.tsx').then((m) => ({ default: m.SaveTemplateDialog })),
);
export const WebhooksDialog = lazy(() =>
  import('./webhooks/WebhooksDialog.tsx').then((m) => ({ default: m.WebhooksDialog })),
);
export const ShareDialog = lazy(() => import('./ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));
export const ResultsPanel = lazy(() => import('./voting/ResultsPanel.tsx').then((m) => ({ default: m.ResultsPanel })));
export const StartVotingDialog = lazy(() =>
  import('./voting/StartVotingDialog.tsx').then((m) => ({ default: m.StartVotingDialog })),
);
export const DeviceTransferDialog = lazy(() =>
  import('./DeviceTransferDialog.tsx').then((m) => ({ default: m.DeviceTransferDialog })),
);
export const CompareDialog = lazy(() =>
  import('./futureState/CompareDialog.tsx').then((m) => ({ default: m.CompareDialog })),
);
export const CommentsPanel = lazy(() =>
  import('./comments/CommentsPanel.tsx').then((m) => ({ default: m.CommentsPanel })),
);

/** A boundary of its own for one deferred panel: while it loads, the rest of the page stays. */
export function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}
