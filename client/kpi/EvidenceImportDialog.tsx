import { useEffect, useMemo, useState } from 'react';
import {
  EVIDENCE_GRANULARITIES,
  EVIDENCE_METRIC_NAMES,
  type EvidenceGranularity,
  type EvidenceImportResponse,
  type EvidenceMetric,
  formatKpiNumber,
  type StageId,
} from '../../shared/index.ts';
import { EvidenceApi } from '../api/evidence.ts';
import { ApiError } from '../api/http.ts';
import { showToast } from '../board/editorState.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { type Choice, choicesOf, Select } from '../ui/Select.tsx';
import { stageChoices } from '../ui/boardChoices.ts';
import { KpiImportActions, KpiImportErrors, KpiImportTable } from './KpiImportParts.tsx';

const SCALES: Record<EvidenceMetric, { label: string; help: string }> = {
  CSAT: { label: 'CSAT (1–5)', help: 'CSAT is the % of 4s and 5s.' },
  NPS: { label: 'NPS (0–10)', help: 'NPS is the % of 9s and 10s minus the % of 0 to 6.' },
  CES: { label: 'CES (1–7)', help: 'CES is the mean effort: lower is better.' },
};
const METRICS = choicesOf(EVIDENCE_METRIC_NAMES, (m) => SCALES[m].label);
const GRANULARITIES = choicesOf(EVIDENCE_GRANULARITIES, (g) => g);
const EACH_ROW: Choice<''> = { value: '', label: 'Each row names its stage' };

/**
 * A survey or support export, read by the server (which computes the metric and enforces the
 * role): its dry run is the preview (the measurements per period, every bad line), and importing
 * writes the measurements and the verbatims together, all or nothing.
 */
export function EvidenceImportDialog({
  fileName,
  text,
  onClose,
}: {
  fileName: string;
  text: string;
  onClose: () => void;
}) {
  const session = useSession();
  const board = useBoard();
  const api = useMemo(() => new EvidenceApi(session.boardId, () => session.token), [session]);
  const [stageId, setStageId] = useState<StageId | ''>(board.stages[0]?.id ?? '');
  const [metric, setMetric] = useState<EvidenceMetric>('CSAT');
  const [granularity, setGranularity] = useState<EvidenceGranularity>('month');
  const [preview, setPreview] = useState<EvidenceImportResponse | null>(null);
  const [errors, setErrors] = useState<readonly { line: number; message: string }[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const request = useMemo(
    () => ({ stageId: stageId || null, metric, granularity, source: fileName.slice(0, 80), csv: text }),
    [stageId, metric, granularity, fileName, text],
  );

  useEffect(() => {
    let live = true;
    setPreview(null);
    setErrors([]);
    setFailure(null);
    api.importEvidence({ ...request, dryRun: true }).then(
      (r) => live && setPreview(r),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.rows.length > 0)
          setErrors(e.rows.map((r) => ({ line: r.line ?? 1, message: r.message })));
        else setFailure(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [api, request]);

  const stageName = (id: string) => board.stages.find((s) => s.id === id)?.name ?? 'a removed stage';
  const apply = async () => {
    setBusy(true);
    try {
      const done = await api.importEvidence(request);
      showToast(
        session.editor,
        `Imported ${done.responses} responses from ${fileName}: ${done.measurements.length} ${metric} measurements, ${done.verbatims} verbatims.`,
      );
      onClose();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  const count = preview?.measurements.length ?? 0;
  return (
    <Dialog title={`Import evidence from ${fileName}`} onClose={onClose} className="kpi-import evidence-import">
      <div className="evidence-options">
        <label>
          Stage
          <Select value={stageId} onValue={setStageId} choices={[...stageChoices(board), EACH_ROW]} />
        </label>
        <label>
          Scores are
          <Select value={metric} onValue={setMetric} choices={METRICS} />
        </label>
        <label>
          One value per
          <Select value={granularity} onValue={setGranularity} choices={GRANULARITIES} />
        </label>
      </div>
      <p className="muted small">{SCALES[metric].help} A period without scores gets no value.</p>
      <p className="kpi-import-summary" data-testid="evidence-summary" aria-live="polite">
        {errors.length > 0 ? (
          <>
            <strong className="error">{errors.length}</strong> line{errors.length === 1 ? '' : 's'} with errors: nothing
            can be imported until the file is fixed
          </>
        ) : preview ? (
          <>
            <strong>{preview.responses}</strong> responses · <strong>{count}</strong> {metric} measurement
            {count === 1 ? '' : 's'} · <strong>{preview.verbatims}</strong> verbatims to keep
          </>
        ) : failure ? null : (
          'Reading the file…'
        )}
      </p>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <KpiImportErrors errors={errors} title="Lines that cannot be imported" />
      {preview && count > 0 && (
        <KpiImportTable
          title={`${metric} per ${granularity}`}
          columns={['Stage', 'Period', metric, 'Responses', 'Change']}
        >
          {preview.measurements.map((m) => (
            <tr key={`${m.kpiId}|${m.period}`}>
              <td>{stageName(m.stageId)}</td>
              <td>{m.period}</td>
              <td>{formatKpiNumber(m.value)}</td>
              <td>{m.sampleSize}</td>
              <td>{m.replaces === null ? 'Adds' : `Replaces ${formatKpiNumber(m.replaces)}`}</td>
            </tr>
          ))}
        </KpiImportTable>
      )}
      <KpiImportActions
        onClose={onClose}
        onApply={apply}
        disabled={!preview || busy || errors.length > 0}
        label={busy ? 'Importing…' : preview ? `Import ${preview.responses} responses` : 'Nothing to import'}
      />
    </Dialog>
  );
}
