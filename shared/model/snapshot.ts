import * as Y from 'yjs';
import { rawFields, readMeta, recordsMap, metaMap, type BoardMeta, type RecordMap } from '../doc/boardDoc.ts';
import { readChannel, type Channel } from '../schema/channel.ts';
import { readConnector, type Connector } from '../schema/connector.ts';
import { recordTypeOf, type RecordId, type RecordType, type StageId } from '../schema/ids.ts';
import { byKpiOrder, readKpi, type Kpi } from '../schema/kpi.ts';
import { readLane, type Lane } from '../schema/lane.ts';
import { readNote, type Note } from '../schema/note.ts';
import { HAPPY_PATH_ID, readPath, type MarkedPath } from '../schema/path.ts';
import { readPersona, type Persona } from '../schema/persona.ts';
import { byRevealTime, readRound, type Round } from '../schema/round.ts';
import { readStage, type Stage } from '../schema/stage.ts';
import { byIndex } from './ordering.ts';
import { byPosition, patchSnapshot } from './snapshotPatch.ts';
import { cellKey, splitConnectors, type BoardRecord, type BoardSnapshot } from './boardSnapshot.ts';

export { cellKey, type BoardRecord, type BoardSnapshot } from './boardSnapshot.ts';

/** Each record type's tolerant reader, by the type its key names. */
const READERS: { readonly [T in RecordType]: (id: RecordId<T>, raw: Record<string, unknown>) => BoardRecord } = {
  stage: readStage,
  lane: readLane,
  note: readNote,
  persona: readPersona,
  round: readRound,
  kpi: readKpi,
  connector: readConnector,
  channel: readChannel,
  path: readPath,
};

function readRecord(id: string, rec: RecordMap): BoardRecord | undefined {
  const type = recordTypeOf(id);
  if (!type) return undefined; // a record type from a newer schema: kept in the doc, not shown
  return (READERS[type] as (id: string, raw: Record<string, unknown>) => BoardRecord)(id, rawFields(rec));
}

export function buildSnapshot(meta: BoardMeta, records: Iterable<BoardRecord>): BoardSnapshot {
  const stages: Stage[] = [];
  const lanes: Lane[] = [];
  const allNotes: Note[] = [];
  const personas: Persona[] = [];
  const rounds: Round[] = [];
  const allKpis: Kpi[] = [];
  const connectors: Connector[] = [];
  const channels: Channel[] = [];
  let happyPath: MarkedPath | null = null;
  for (const r of records) {
    if (r.typeName === 'stage') stages.push(r);
    else if (r.typeName === 'lane') lanes.push(r);
    else if (r.typeName === 'persona') personas.push(r);
    else if (r.typeName === 'round') rounds.push(r);
    else if (r.typeName === 'kpi') allKpis.push(r);
    else if (r.typeName === 'connector') connectors.push(r);
    else if (r.typeName === 'channel') channels.push(r);
    else if (r.typeName === 'path') {
      if (r.id === HAPPY_PATH_ID) happyPath = r;
    } else allNotes.push(r);
  }
  personas.sort(byIndex);
  channels.sort(byIndex);
  rounds.sort(byRevealTime);
  stages.sort(byIndex);
  lanes.sort(byIndex);
  const stageSet = new Set(stages.map((s) => s.id));
  const laneSet = new Set(lanes.map((l) => l.id));
  const cells = new Map<string, Note[]>();
  const orphanNotes: Note[] = [];
  for (const n of allNotes) {
    const { stageId, laneId } = n.position;
    if (!stageSet.has(stageId) || !laneSet.has(laneId)) {
      orphanNotes.push(n);
      continue;
    }
    const key = cellKey(stageId, laneId);
    const list = cells.get(key);
    if (list) list.push(n);
    else cells.set(key, [n]);
  }
  const notes: Note[] = [];
  for (const s of stages)
    for (const l of lanes) {
      const list = cells.get(cellKey(s.id, l.id));
      if (!list) continue;
      list.sort(byPosition);
      notes.push(...list);
    }
  // Sorted too: record iteration order differs between peers, the view must not.
  orphanNotes.sort(byPosition);
  notes.push(...orphanNotes);
  const kpisByStage = new Map<StageId, Kpi[]>();
  for (const k of allKpis) {
    if (!stageSet.has(k.stageId)) continue;
    const list = kpisByStage.get(k.stageId);
    if (list) list.push(k);
    else kpisByStage.set(k.stageId, [k]);
  }
  for (const list of kpisByStage.values()) list.sort(byKpiOrder);
  const kpis = stages.flatMap((s) => kpisByStage.get(s.id) ?? []);
  kpis.push(...allKpis.filter((k) => !stageSet.has(k.stageId)).sort(byKpiOrder));
  const notesById = new Map(allNotes.map((n) => [n.id, n]));
  return {
    meta,
    stages,
    lanes,
    notes,
    notesById,
    cells,
    orphanNotes,
    personas,
    rounds,
    kpis,
    kpisByStage,
    ...splitConnectors(connectors, notesById),
    channels,
    happyPath,
  };
}

/** One-off full read, for the server and tests. */
export function readBoard(doc: Y.Doc): BoardSnapshot {
  const records: BoardRecord[] = [];
  recordsMap(doc).forEach((rec, id) => {
    if (!(rec instanceof Y.Map)) return;
    const r = readRecord(id, rec);
    if (r) records.push(r);
  });
  return buildSnapshot(readMeta(doc), records);
}

export interface BoardSummary {
  readonly title: string;
  readonly schemaVersion: number;
  readonly createdAt: number;
  readonly counts: { readonly stages: number; readonly lanes: number; readonly notes: number };
}

export function summarizeBoard(doc: Y.Doc): BoardSummary {
  const meta = readMeta(doc);
  const counts = { stages: 0, lanes: 0, notes: 0 };
  recordsMap(doc).forEach((_rec, id) => {
    const type = recordTypeOf(id);
    if (type === 'stage') counts.stages++;
    else if (type === 'lane') counts.lanes++;
    else if (type === 'note') counts.notes++;
  });
  return { title: meta.title, schemaVersion: meta.schemaVersion, createdAt: meta.createdAt, counts };
}

const PATCH_LIMIT = 500;

/**
 * Live snapshot source for `useSyncExternalStore`: re-reads only the records a change touched,
 * and builds the next snapshot lazily, once per burst of changes. When only notes changed, the
 * next snapshot is patched from the previous one (`patchSnapshot`); otherwise built in full.
 */
export class BoardSnapshotSource {
  private readonly cache = new Map<string, BoardRecord>();
  private snapshot: BoardSnapshot | null = null;
  /** The last snapshot handed out, and what changed since (null: build in full next time). */
  private previous: BoardSnapshot | null = null;
  private touched: Set<string> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly doc: Y.Doc;

  constructor(doc: Y.Doc) {
    this.doc = doc;
    recordsMap(doc).forEach((rec, id) => this.refresh(id, rec));
    recordsMap(doc).observeDeep(this.onRecords);
    metaMap(doc).observe(this.onMeta);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): BoardSnapshot => {
    if (this.snapshot) return this.snapshot;
    let next: BoardSnapshot | null = null;
    // Past a few hundred touched records (a sync, a paste) a full build is as cheap.
    if (this.previous && this.touched && this.touched.size <= PATCH_LIMIT) {
      const changed = new Map<string, BoardRecord | undefined>();
      for (const id of this.touched) changed.set(id, this.cache.get(id));
      next = patchSnapshot(this.previous, changed);
    }
    this.snapshot = next ?? buildSnapshot(readMeta(this.doc), this.cache.values());
    this.previous = this.snapshot;
    this.touched = new Set();
    return this.snapshot;
  };

  destroy(): void {
    recordsMap(this.doc).unobserveDeep(this.onRecords);
    metaMap(this.doc).unobserve(this.onMeta);
    this.listeners.clear();
  }

  private refresh(id: string, rec: RecordMap | undefined): void {
    const r = rec instanceof Y.Map ? readRecord(id, rec) : undefined;
    if (r) this.cache.set(id, r);
    else this.cache.delete(id);
  }

  private readonly onRecords = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const records = recordsMap(this.doc);
    const touched = new Set<string>();
    for (const e of events) {
      if (e.target === records) for (const key of (e as Y.YMapEvent<RecordMap>).keysChanged) touched.add(key);
      else if (typeof e.path[0] === 'string') touched.add(e.path[0]);
    }
    for (const id of touched) {
      this.refresh(id, records.get(id));
      this.touched?.add(id);
    }
    this.changed();
  };

  private readonly onMeta = (): void => {
    this.touched = null; // the meta is read whole: build in full
    this.changed();
  };

  private changed(): void {
    this.snapshot = null;
    for (const l of this.listeners) l();
  }
}
