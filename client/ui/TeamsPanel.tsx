import { DeptMark } from './DeptMark.tsx';
import { useMemo } from 'react';
import { departmentCoverage, DEPARTMENT_STYLE, DEPARTMENTS, type Department } from '../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { SidePanel } from './SidePanel.tsx';

/**
 * Which team has contributed where: notes per department per stage, gaps marked, and a click on a
 * team highlights its notes on the board (the others dim).
 */
export function TeamsPanel() {
  const session = useSession();
  const board = useBoard();
  const highlight = useEditor((s) => s.highlightDepartment);
  const coverage = useMemo(() => departmentCoverage(board), [board]);
  const gap = (d: Department, i: number) => coverage.totals[d] > 0 && d !== 'other' && coverage.counts[d][i] === 0;
  const toggle = (d: Department) => session.editor.update({ highlightDepartment: highlight === d ? null : d });
  return (
    <SidePanel
      titleId="teams-title"
      title="Teams on this journey"
      testId="teams-panel"
      onClose={() => session.editor.update({ panel: null, highlightDepartment: null })}
    >
      <p className="muted small">
        Notes per department and stage. A dashed cell is a stage a contributing team hasn’t covered yet. Click a team to
        highlight its notes.
      </p>
      <div className="coverage-scroll">
        <table className="coverage">
          <thead>
            <tr>
              <th scope="col">Stage</th>
              {DEPARTMENTS.map((d) => (
                <th key={d} scope="col" className={highlight === d ? 'highlighted' : ''}>
                  <button
                    type="button"
                    className="team-button"
                    aria-pressed={highlight === d}
                    onClick={() => toggle(d)}
                    title={`Highlight ${DEPARTMENT_STYLE[d].label} notes`}
                  >
                    <DeptMark department={d} />
                    {DEPARTMENT_STYLE[d].label}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coverage.stages.map((stage, i) => (
              <tr key={stage.id}>
                <th scope="row" title={stage.name}>
                  {stage.name}
                </th>
                {DEPARTMENTS.map((d) => {
                  const n = coverage.counts[d][i]!;
                  return (
                    <td
                      key={d}
                      className={gap(d, i) ? 'gap' : n === 0 ? 'zero' : ''}
                      aria-label={gap(d, i) ? `${DEPARTMENT_STYLE[d].label}: no notes in ${stage.name}` : undefined}
                    >
                      {n}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr className="totals">
              <th scope="row">All stages</th>
              {DEPARTMENTS.map((d) => (
                <td key={d} className="total">
                  {coverage.totals[d] || <span className="muted">—</span>}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {DEPARTMENTS.some((d) => coverage.totals[d] === 0 && d !== 'other') && (
        <p className="muted small">
          No notes yet from{' '}
          {DEPARTMENTS.filter((d) => coverage.totals[d] === 0 && d !== 'other')
            .map((d) => DEPARTMENT_STYLE[d].label)
            .join(', ')}
          .
        </p>
      )}
    </SidePanel>
  );
}
