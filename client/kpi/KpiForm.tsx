import { type InputHTMLAttributes, type ReactNode, useEffect, useId, useState } from 'react';
import {
  describeKpi,
  KPI_LIMITS,
  KPI_PRESETS,
  KPI_STATUS_STYLE,
  kpiPreset,
  kpiStatus,
  parseNumber,
  type Kpi,
  type KpiDirection,
  type KpiTrend,
  type StageId,
} from '../../shared/index.ts';
import { useSession } from '../board/hooks.ts';
import { type Choice, Select } from '../ui/Select.tsx';

interface Draft {
  metric: string;
  value: string;
  target: string;
  previous: string;
  unit: string;
  direction: KpiDirection;
  trend: KpiTrend | '';
}

const num = (n: number | null) => (n === null ? '' : String(n));
const draftOf = (k: Kpi | null): Draft =>
  k
    ? {
        metric: k.metric,
        value: num(k.value),
        target: num(k.target),
        previous: num(k.previous),
        unit: k.unit,
        direction: k.direction,
        trend: k.trend ?? '',
      }
    : { metric: '', value: '', target: '', previous: '', unit: '', direction: 'higher', trend: '' };

const TRENDS: readonly Choice<KpiTrend | ''>[] = [
  { value: '', label: 'Auto' },
  { value: 'up', label: '↑ Up' },
  { value: 'down', label: '↓ Down' },
  { value: 'flat', label: '→ Flat' },
];
const DIRECTIONS: readonly Choice<KpiDirection>[] = [
  { value: 'higher', label: 'Higher' },
  { value: 'lower', label: 'Lower' },
];
/**
 * Adds a metric to a stage or edits one: value, target, previous value, unit, direction and trend.
 * Used on the canvas (a popover on the KPI card) and in the outline. Saving writes only the fields
 * that changed, in one command (one undo step), so a colleague's edit of another field stays.
 */
export function KpiForm({
  stageId,
  stageName,
  kpi,
  onDone,
  showTitle = true,
}: {
  stageId: StageId;
  stageName: string;
  kpi: Kpi | null;
  onDone: () => void;
  showTitle?: boolean;
}) {
  const session = useSession();
  const uid = useId();
  // What the form showed when it opened: only fields the person changed from it are written, so a
  // colleague's concurrent change of another field is not overwritten with a stale value.
  const [initial, setInitial] = useState<Draft>(() => draftOf(kpi));
  const [draft, setDraft] = useState<Draft>(initial);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when another KPI is shown; a live change of this one must not wipe what is being typed
  useEffect(() => {
    const fresh = draftOf(kpi);
    setInitial(fresh);
    setDraft(fresh);
  }, [kpi?.id]);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  /** A text field of the grid, bound to `draft[field]`. */
  const textField = (
    label: ReactNode,
    field: 'value' | 'target' | 'unit' | 'previous',
    props: InputHTMLAttributes<HTMLInputElement>,
  ) => (
    <label className="kpi-field">
      {label}
      <input
        data-testid={`kpi-${field}`}
        value={draft[field]}
        onChange={(e) => set(field, e.target.value)}
        {...props}
      />
    </label>
  );
  const selectField = <K extends 'trend' | 'direction'>(
    label: string,
    field: K,
    title: string,
    choices: readonly Choice<Draft[K]>[],
  ) => (
    <label className="kpi-field">
      <span>{label}</span>
      <Select
        data-testid={`kpi-${field}`}
        title={title}
        value={draft[field]}
        onValue={(v) => set(field, v)}
        choices={choices}
      />
    </label>
  );

  const numbers = (): { value: number | null; target: number | null; previous: number | null } | null => {
    const out: Record<string, number | null> = {};
    for (const k of ['value', 'target', 'previous'] as const) {
      const raw = draft[k].trim();
      const n = raw === '' ? null : parseNumber(raw);
      if (raw !== '' && (n === null || Math.abs(n) > KPI_LIMITS.maxAbsValue)) {
        setError(`The ${k === 'previous' ? 'previous value' : k} "${raw}" is not a number.`);
        return null;
      }
      out[k] = n;
    }
    return out as { value: number | null; target: number | null; previous: number | null };
  };

  const save = () => {
    setError(null);
    const n = numbers();
    if (!n) return;
    const fields = {
      ...n,
      unit: draft.unit.trim(),
      direction: draft.direction,
      trend: draft.trend === '' ? null : draft.trend,
    };
    if (!kpi) {
      if (!draft.metric.trim()) return setError('Name the metric, e.g. CSAT, NPS, CES or Conversion.');
      const id = session.run('setKpi', { stageId, metric: draft.metric.trim(), ...fields });
      if (id) onDone();
      return;
    }
    const touched = (k: keyof typeof fields) => draft[k] !== initial[k];
    const patch = Object.fromEntries(
      Object.entries(fields).filter(
        ([k, v]) => touched(k as keyof typeof fields) && kpi[k as keyof typeof fields] !== v,
      ),
    );
    if (Object.keys(patch).length > 0) session.run('updateKpi', { kpiId: kpi.id, patch });
    onDone();
  };

  const onMetric = (metric: string) => {
    const preset = kpiPreset(metric);
    setDraft((d) => ({ ...d, metric, ...(preset && !kpi ? { unit: preset.unit, direction: preset.direction } : {}) }));
  };
  const preview = kpi
    ? kpiStatus({ value: parseNumber(draft.value), target: parseNumber(draft.target), direction: draft.direction })
    : null;

  return (
    <form
      className="kpi-form"
      data-testid="kpi-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        e.stopPropagation(); // board shortcuts must not fire while typing here
        if (e.key === 'Escape') onDone();
      }}
    >
      {kpi ? (
        showTitle && (
          <p className="kpi-form-title">
            <strong>{kpi.metric}</strong> <span className="muted">in {stageName}</span>
          </p>
        )
      ) : (
        <label className="kpi-field wide">
          <span>Metric in {stageName}</span>
          <input
            data-testid="kpi-metric"
            list={`${uid}-presets`}
            value={draft.metric}
            maxLength={KPI_LIMITS.metricLength}
            autoFocus
            placeholder="CSAT, NPS, CES, Conversion…"
            onChange={(e) => onMetric(e.target.value)}
          />
          <datalist id={`${uid}-presets`}>
            {KPI_PRESETS.map((p) => (
              <option key={p.metric} value={p.metric}>
                {p.help}
              </option>
            ))}
          </datalist>
        </label>
      )}
      <div className="kpi-grid">
        {textField(<span>Value</span>, 'value', { inputMode: 'decimal', autoFocus: !!kpi })}
        {textField(<span>Target</span>, 'target', { inputMode: 'decimal' })}
        {textField(<span>Unit</span>, 'unit', { maxLength: KPI_LIMITS.unitLength, placeholder: '%, /5, days' })}
        {textField(
          <span title="The value of the previous period: the trend is computed from it">Previous</span>,
          'previous',
          { inputMode: 'decimal' },
        )}
        {selectField('Trend', 'trend', 'Auto: from the previous value', TRENDS)}
        {selectField('Better when', 'direction', 'Lower is better for effort (CES), churn, waiting times', DIRECTIONS)}
      </div>
      {preview && (
        <p className={`kpi-status kpi-${preview}`} aria-live="polite">
          {KPI_STATUS_STYLE[preview].icon} {KPI_STATUS_STYLE[preview].label}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="kpi-actions">
        <button className="btn primary" type="submit" data-testid="kpi-save">
          {kpi ? 'Save' : 'Add KPI'}
        </button>
        <button className="btn" type="button" onClick={onDone}>
          Cancel
        </button>
        {kpi && (
          <button
            className="btn danger kpi-remove"
            type="button"
            data-testid="kpi-remove"
            onClick={() => {
              session.run('removeKpi', { kpiId: kpi.id });
              onDone();
            }}
            aria-label={`Remove ${describeKpi(kpi)}`}
          >
            Remove
          </button>
        )}
      </div>
    </form>
  );
}
