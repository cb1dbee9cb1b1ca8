import type { BoardMeta } from '../doc/boardDoc.ts';
import type { Channel } from '../schema/channel.ts';
import type { Connector } from '../schema/connector.ts';
import type { LaneId, NoteId, StageId } from '../schema/ids.ts';
import type { Kpi } from '../schema/kpi.ts';
import type { Lane } from '../schema/lane.ts';
import type { Note } from '../schema/note.ts';
import type { MarkedPath } from '../schema/path.ts';
import type { Persona } from '../schema/persona.ts';
import type { Round } from '../schema/round.ts';
import type { Stage } from '../schema/stage.ts';

// The shape of a board snapshot, apart from how it is built (snapshot.ts) and patched
// (snapshotPatch.ts): both import it, neither imports the other's builder.

export type BoardRecord = Stage | Lane | Note | Persona | Round | Kpi | Connector | Channel | MarkedPath;

/** An immutable view of a board. Unchanged records keep their object identity across snapshots. */
export interface BoardSnapshot {
  readonly meta: BoardMeta;
  readonly stages: readonly Stage[];
  readonly lanes: readonly Lane[];
  /** Every note, in cell order (stage, lane, index). */
  readonly notes: readonly Note[];
  readonly notesById: ReadonlyMap<NoteId, Note>;
  /** Notes per cell, sorted; key from `cellKey`. */
  readonly cells: ReadonlyMap<string, readonly Note[]>;
  /** Notes whose stage or lane no longer exists (e.g. removed concurrently); shown, never dropped. */
  readonly orphanNotes: readonly Note[];
  /** Who the journey is for, in order. */
  readonly personas: readonly Persona[];
  /** Revealed voting rounds, oldest first (open rounds live on the server until reveal). */
  readonly rounds: readonly Round[];
  /** Every KPI, in stage order, then metric order (presets first); KPIs of a removed stage last. */
  readonly kpis: readonly Kpi[];
  /** KPIs per existing stage, in metric order (stages without KPIs are absent). */
  readonly kpisByStage: ReadonlyMap<StageId, readonly Kpi[]>;
  /** Connectors whose two notes exist, by id. */
  readonly connectors: readonly Connector[];
  /** Connectors with a missing end (a note deleted concurrently): kept and shown for repair. */
  readonly orphanConnectors: readonly Connector[];
  /** The board's channels (web, phone, store…), in order. */
  readonly channels: readonly Channel[];
  /** The path the team marked as the happy path, or null (see `resolveMarkedPath` for its notes). */
  readonly happyPath: MarkedPath | null;
}

/** Splits connectors into drawn ones and orphans, each sorted by id (the same on every peer). */
export function splitConnectors(
  all: Iterable<Connector>,
  notesById: ReadonlyMap<NoteId, unknown>,
): Pick<BoardSnapshot, 'connectors' | 'orphanConnectors'> {
  const connectors: Connector[] = [];
  const orphanConnectors: Connector[] = [];
  for (const c of all) (notesById.has(c.from) && notesById.has(c.to) ? connectors : orphanConnectors).push(c);
  const byId = (a: Connector, b: Connector) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { connectors: connectors.sort(byId), orphanConnectors: orphanConnectors.sort(byId) };
}

export function cellKey(stageId: StageId, laneId: LaneId): string {
  return `${stageId}|${laneId}`;
}
