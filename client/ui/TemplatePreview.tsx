import { NOTE_KIND_STYLE, type NoteKind } from '../../shared/index.ts';
import type { TemplateInfo } from '../api/boards.ts';

/** A tiny picture of a template: its stages as columns and lanes as tinted rows. */
export function TemplatePreview({ template }: { template: TemplateInfo }) {
  const cols = template.stages.length;
  const rows = template.lanes.length;
  const filled = Math.min(cols * rows, template.noteCount);
  // A KPI row under the lanes when the template brings KPIs (green, amber, red marks).
  const kpiRow = template.kpiCount > 0 ? 7 : 0;
  return (
    <svg className="template-preview" viewBox={`0 0 ${cols * 20 + 16} ${rows * 8 + 8 + kpiRow}`} aria-hidden>
      {template.lanes.map((l, r) => (
        <rect
          key={r}
          x={16}
          y={6 + r * 8}
          width={cols * 20}
          height={7}
          fill={NOTE_KIND_STYLE[l.kind as NoteKind]?.colour ?? '#eee'}
          opacity={0.55}
        />
      ))}
      {template.stages.map((_, c) => (
        <rect
          key={c}
          x={16 + c * 20}
          y={0}
          width={19}
          height={5}
          rx={1}
          fill="#6366f1"
          opacity={0.35 + (0.6 * c) / cols}
        />
      ))}
      {Array.from({ length: filled }, (_, i) => (
        <rect
          key={i}
          x={19 + ((i * 7) % cols) * 20 + ((i * 3) % 2) * 7}
          y={7.5 + ((i * 5) % rows) * 8}
          width={6}
          height={4}
          rx={0.8}
          fill="#1f2430"
          opacity={0.25}
        />
      ))}
      {kpiRow > 0 && <rect x={16} y={6 + rows * 8} width={cols * 20} height={6} fill="#e2e8f0" />}
      {kpiRow > 0 &&
        Array.from({ length: Math.min(cols, template.kpiCount) }, (_, c) => (
          <rect
            key={`k${c}`}
            x={19 + c * 20}
            y={7 + rows * 8}
            width={9}
            height={4}
            rx={0.8}
            fill={['#15803d', '#b45309', '#b91c1c'][c % 3]}
            opacity={0.7}
          />
        ))}
      {template.lanes.map((_, r) => (
        <rect key={`l${r}`} x={2} y={7 + r * 8} width={11} height={5} rx={1} fill="#94a3b8" opacity={0.5} />
      ))}
    </svg>
  );
}
