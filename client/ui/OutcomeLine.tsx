import type { KpiOutcome, OutcomeVerdict } from '../../shared/index.ts';
import './outcome.css';

const VERDICT: Record<OutcomeVerdict, { icon: string; label: string }> = {
  better: { icon: '✓', label: 'Better' },
  worse: { icon: '✗', label: 'Worse' },
  unchanged: { icon: '→', label: 'Unchanged' },
  'too-little-data': { icon: '?', label: 'Too little data' },
};

/** One KPI's before/after in words, with a mark for its verdict (never colour alone). */
export function OutcomeLine({ outcome }: { outcome: KpiOutcome }) {
  const v = VERDICT[outcome.verdict];
  return (
    <span className={`outcome outcome-${outcome.verdict}`} data-testid="outcome-line">
      <span className="outcome-mark" aria-hidden>
        {v.icon}
      </span>
      <span>{outcome.statement}</span>
    </span>
  );
}
