import { DeptMark } from '../DeptMark.tsx';
import { useMemo, useState } from 'react';
import { DEPARTMENT_STYLE, NOTE_KIND_STYLE, type Round, type RoundId } from '../../../shared/index.ts';
import { useBoard, useSession } from '../../board/hooks.ts';
import { useRevealedRounds, useVoting } from '../../board/voting/hooks.ts';
import { compareRounds, departmentSplits, rankRound } from '../../board/voting/results.ts';
import { shownRound } from '../../board/voting/shownRound.ts';
import { useIsFacilitator, useOptimisticSwitch, useWorkshop } from '../../board/workshop/useWorkshop.ts';
import { SidePanel } from '../SidePanel.tsx';
import { ColumnHeads } from '../ColumnHeads.tsx';
import { Select } from '../Select.tsx';

type Tab = 'ranking' | 'compare' | 'departments';

/** Revealed rounds: a ranked list of the chosen round, past rounds, a comparison of two rounds and a split by department. */
export function ResultsPanel({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const board = useBoard();
  const rounds = useRevealedRounds(board);
  const hiddenForEveryone = useWorkshop((v) => v.state.hiddenVoteRound);
  const isFacilitator = useIsFacilitator();
  const shownId =
    shownRound(
      board.rounds,
      useVoting((s) => s.shownRoundId),
      false,
    )?.id ?? null;
  const [selectedId, setSelectedId] = useState<RoundId | null>(shownId);
  const round = rounds.find((r) => r.id === selectedId) ?? rounds[0]!;
  const [tab, setTab] = useState<Tab>('ranking');
  const shown = shownId === round.id;
  const hiddenByFacilitator = hiddenForEveryone === round.id;
  const [onEveryonesBoard, showOnEveryonesBoard] = useOptimisticSwitch(!hiddenByFacilitator);
  return (
    <SidePanel
      className="results-panel"
      titleId="results-title"
      title="Voting results"
      testId="results-panel"
      onClose={onClose}
      ownKeys
    >
      <div className="results-rounds" role="listbox" aria-label="Rounds" data-testid="past-rounds">
        {rounds.map((r) => (
          <button
            type="button"
            key={r.id}
            role="option"
            aria-selected={r.id === round.id}
            className={r.id === round.id ? 'round-item active' : 'round-item'}
            onClick={() => setSelectedId(r.id)}
          >
            <span className="round-item-title">{r.title}</span>
            <span className="round-item-meta">
              {formatWhen(r.revealedAt)} · {r.voterCount} {r.voterCount === 1 ? 'voter' : 'voters'}
            </span>
          </button>
        ))}
      </div>
      <div className="results-toolbar">
        <div className="segmented" role="tablist" aria-label="View">
          {(['ranking', 'compare', 'departments'] as const).map((t) => (
            <button
              type="button"
              key={t}
              role="tab"
              aria-selected={tab === t}
              className={tab === t ? 'active' : ''}
              onClick={() => setTab(t)}
              data-testid={`results-tab-${t}`}
            >
              {t === 'ranking' ? 'Ranking' : t === 'compare' ? 'Compare' : 'By department'}
            </button>
          ))}
        </div>
      </div>
      <div className="results-board-switches">
        <label
          className="inline-check small"
          title={hiddenByFacilitator ? 'The facilitator took these dots off everyone’s board.' : undefined}
        >
          <input
            type="checkbox"
            checked={shown && !hiddenByFacilitator}
            disabled={hiddenByFacilitator}
            onChange={() => session.voting.state.update({ shownRoundId: shown ? null : round.id })}
            data-testid="show-on-board"
          />{' '}
          Dots on my board
        </label>
        {/* The board-wide switch is for the last revealed round: the one everyone's board shows. */}
        {isFacilitator && round.id === rounds[0]!.id && (
          <label className="inline-check small">
            <input
              type="checkbox"
              checked={onEveryonesBoard}
              onChange={(e) => {
                showOnEveryonesBoard(e.target.checked);
                session.workshop.setVoteTotalsHidden(e.target.checked ? null : round.id);
              }}
              data-testid="show-for-everyone"
            />{' '}
            Dots on everyone’s board
          </label>
        )}
        {!isFacilitator && hiddenByFacilitator && (
          <span className="muted small" data-testid="hidden-for-everyone">
            The facilitator took these dots off the board.
          </span>
        )}
      </div>
      <div className="results-body">
        {tab === 'ranking' && <Ranking round={round} />}
        {tab === 'compare' && <Compare round={round} rounds={rounds} />}
        {tab === 'departments' && <Departments round={round} />}
      </div>
    </SidePanel>
  );
}

function Ranking({ round }: { round: Round }) {
  const board = useBoard();
  const rows = useMemo(() => rankRound(round, board), [round, board]);
  const top = rows[0]?.dots ?? 1;
  if (rows.length === 0) return <p className="muted small">Nobody placed a dot in this round.</p>;
  return (
    <>
      <ol className="stack-list ranking" data-testid="results-ranking">
        {rows.map((r) => (
          <li key={r.noteId} className="ranking-row" data-note-id={r.noteId}>
            <span className="rank">{r.rank}</span>
            <div className="ranking-text">
              <span className="ranking-note">
                {r.text}
                {!r.onBoard && <span className="muted"> (deleted)</span>}
              </span>
              <span className="ranking-meta">
                <span className="kind-tag" style={{ background: NOTE_KIND_STYLE[r.kind].colour }}>
                  {NOTE_KIND_STYLE[r.kind].icon} {r.kindLabel}
                </span>{' '}
                {r.stageName}
              </span>
              <span className="ranking-bar" style={{ width: `${Math.max(6, (r.dots / top) * 100)}%` }} aria-hidden />
            </div>
            <span className="ranking-dots" data-testid="ranking-dots">
              {r.dots}
            </span>
          </li>
        ))}
      </ol>
      {round.byPerson && <Voters round={round} />}
    </>
  );
}

/** Named rounds only: who put their dots where (anonymous rounds keep no voter in the document). */
function Voters({ round }: { round: Round }) {
  const texts = new Map(rankRound(round, useBoard()).map((r) => [r.noteId, r.text]));
  return (
    <section className="named-voters" data-testid="results-voters">
      <h3>
        Who voted for what <span className="muted small">(named round)</span>
      </h3>
      <ul className="stack-list">
        {(round.byPerson ?? []).map((p) => (
          <li key={p.personId}>
            <DeptMark department={p.department} spoken />
            <strong>{p.name}</strong>{' '}
            <span className="muted">
              {(Object.entries(p.dots) as [keyof typeof p.dots, number][])
                .map(([id, n]) => `${texts.get(id) ?? 'a deleted note'}${n > 1 ? ` ×${n}` : ''}`)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Compare({ round, rounds }: { round: Round; rounds: readonly Round[] }) {
  const board = useBoard();
  const others = rounds.filter((r) => r.id !== round.id);
  const [otherId, setOtherId] = useState<RoundId | null>(
    others.find((r) => r.revealedAt <= round.revealedAt)?.id ?? others[0]?.id ?? null,
  );
  const other = others.find((r) => r.id === otherId) ?? null;
  if (!other) return <p className="muted small">Reveal another round to compare how priorities moved.</p>;
  const [earlier, later] = other.revealedAt <= round.revealedAt ? [other, round] : [round, other];
  const rows = compareRounds(earlier, later, board);
  return (
    <div data-testid="results-compare">
      <label className="compare-pick small">
        Compare with{' '}
        <Select
          value={other.id}
          onValue={setOtherId}
          choices={others.map((r) => ({ value: r.id, label: `${r.title} (${formatWhen(r.revealedAt)})` }))}
        />
      </label>
      <p className="muted small">
        From “{earlier.title}” to “{later.title}”.
      </p>
      <table className="compare-table">
        <ColumnHeads columns={['Note', 'Before', 'After', 'Moved']} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.noteId}>
              <td className="compare-text">{r.text}</td>
              <td>{r.before ? `#${r.before.rank} · ${r.before.dots}` : '—'}</td>
              <td>{r.after ? `#${r.after.rank} · ${r.after.dots}` : '—'}</td>
              <td
                className={r.moved === null ? 'moved' : r.moved > 0 ? 'moved up' : r.moved < 0 ? 'moved down' : 'moved'}
              >
                {r.moved === null
                  ? r.after
                    ? 'new'
                    : 'no dots'
                  : r.moved > 0
                    ? `▲ ${r.moved}`
                    : r.moved < 0
                      ? `▼ ${-r.moved}`
                      : '='}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Departments({ round }: { round: Round }) {
  const board = useBoard();
  const splits = departmentSplits(round);
  return (
    <div data-testid="results-departments">
      <p className="muted small">
        Counts only. Departments with fewer than 3 voters are not shown, so no one is singled out.
      </p>
      {splits.length === 0 && <p className="muted small">No department had 3 or more voters in this round.</p>}
      {splits.map((s) => (
        <section key={s.department} className="dept-split">
          <h3>
            <DeptMark department={s.department} />
            {DEPARTMENT_STYLE[s.department].label} <span className="muted small">{s.voters} voters</span>
          </h3>
          <ol className="dept-top">
            {rankRound(round, board, s.totals)
              .slice(0, 5)
              .map((r) => (
                <li key={r.noteId}>
                  <span className="ranking-dots">{r.dots}</span> {r.text}
                </li>
              ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
