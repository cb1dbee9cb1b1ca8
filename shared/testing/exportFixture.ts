import * as Y from 'yjs';
import { metaMap, newRecordMap, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { SCHEMA_VERSION } from '../migrations/migrate.ts';
import { writeRoundRecord } from '../model/roundRecord.ts';
import type { NoteId } from '../schema/ids.ts';
import type { RoundFields } from '../schema/round.ts';

/**
 * A small board with fixed ids and times, for the export golden files and round trips: three
 * stages, four lanes, notes with commas, quotes, line breaks, emoji and formula payloads, an
 * action, an orphan, channels (one named like a formula, one note on a removed channel), two
 * revealed rounds (the second votes for a note deleted since), and two paths from the Instagram ad
 * (the happy path, and a drop-out).
 */
export const FIXTURE = {
  boardId: 'fixtureboard01',
  stages: { awareness: 'stage:awareness', decision: 'stage:decision', use: 'stage:use' },
  lanes: { touch: 'lane:touch', pain: 'lane:pain', idea: 'lane:idea', emotion: 'lane:emotion' },
  channels: { web: 'channel:web', social: 'channel:social', hotline: 'channel:hotline' },
  rounds: { first: 'round:first', second: 'round:second', unrevealed: 'round:unrevealed' },
  notes: {
    shipping: 'note:shipping',
    formula: 'note:formula',
    ads: 'note:ads',
    instagram: 'note:instagram',
    welcome: 'note:welcome',
    agents: 'note:agents',
    reviews: 'note:reviews',
    mood: 'note:mood',
    orphan: 'note:orphan',
    deleted: 'note:deleted',
  },
} as const;

/** 2026-09-21 14:13 UTC. */
const T0 = 1_790_000_000_000;
const DAY = 86_400_000;

type NoteSpec = {
  id: string;
  stage: string;
  lane: string;
  index: string;
  kind: string;
  text: string;
  department: string;
  author: string;
  extra?: Record<string, unknown>;
};

export function buildExportFixture(doc: Y.Doc = new Y.Doc()): Y.Doc {
  const { stages: S, lanes: L, notes: N, channels: C } = FIXTURE;
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('boardId', FIXTURE.boardId);
    meta.set('title', 'Checkout journey, Q3 "workshop" 🛒');
    meta.set('createdAt', T0);
    const records = recordsMap(doc);
    const stage = (id: string, name: string, index: string) =>
      records.set(id, newRecordMap({ name, index, description: '' }));
    stage(S.awareness, 'Awareness', 'a0');
    stage(S.decision, 'Decision', 'a1');
    stage(S.use, 'Use & support', 'a2');
    const lane = (id: string, name: string, kind: string, index: string) =>
      records.set(id, newRecordMap({ name, kind, index }));
    lane(L.touch, 'Touchpoints', 'touchpoint', 'a0');
    lane(L.pain, 'Pain points', 'pain', 'a1');
    lane(L.idea, 'Opportunities', 'idea', 'a2');
    lane(L.emotion, 'Emotions', 'emotion', 'a3');
    const channel = (id: string, name: string, icon: string, index: string) =>
      records.set(id, newRecordMap({ name, icon, index }));
    channel(C.web, 'Web', 'web', 'a0');
    channel(C.social, 'Social', 'social', 'a1');
    channel(C.hotline, '=1+2 hotline', 'phone', 'a2');
    const note = (n: NoteSpec) =>
      records.set(
        n.id,
        newRecordMap({
          position: { stageId: n.stage, laneId: n.lane, index: n.index },
          kind: n.kind,
          text: n.text,
          ...(n.kind === 'emotion' ? { sentiment: -1 } : {}),
          department: n.department,
          authorId: `user-${n.author.toLowerCase()}`,
          authorName: n.author,
          createdAt: T0 + 1000,
          updatedAt: T0 + 2000,
          ...n.extra,
        }),
      );
    note({
      id: N.shipping,
      stage: S.decision,
      lane: L.pain,
      index: 'a0',
      kind: 'pain',
      text: 'Shipping cost, shown "late" at checkout',
      department: 'sales',
      author: 'Ann',
      extra: { actionStatus: 'in-progress', actionOwner: 'Bo Ström', actionDue: '2026-12-15', channel: C.web },
    });
    note({
      id: N.formula,
      stage: S.decision,
      lane: L.idea,
      index: 'a0',
      kind: 'idea',
      text: '=HYPERLINK("http://evil.example","click")',
      department: 'marketing',
      author: 'Cy',
    });
    note({
      id: N.ads,
      stage: S.awareness,
      lane: L.pain,
      index: 'a0',
      kind: 'pain',
      text: 'Ads | confusing\nsecond line 🙈',
      department: 'marketing',
      author: 'Dee',
      extra: { channel: C.social },
    });
    note({
      id: N.instagram,
      stage: S.awareness,
      lane: L.touch,
      index: 'a0',
      kind: 'touchpoint',
      text: 'Instagram ad',
      department: 'marketing',
      author: 'Dee',
      extra: { channel: C.social },
    });
    note({
      id: N.welcome,
      stage: S.use,
      lane: L.touch,
      index: 'a0',
      kind: 'touchpoint',
      text: 'Welcome email',
      department: 'support',
      author: 'Eve',
    });
    note({
      id: N.agents,
      stage: S.use,
      lane: L.idea,
      index: 'a0',
      kind: 'idea',
      text: '+1 more chat agents, at night',
      department: 'support',
      author: 'Eve',
      extra: {
        actionStatus: 'done',
        actionOwner: '@support lead',
        actionOpenedAt: T0 - 90 * DAY,
        actionStartedAt: T0 - 60 * DAY,
        actionDoneAt: T0,
      },
    });
    note({
      id: N.reviews,
      stage: S.use,
      lane: L.pain,
      index: 'a1',
      kind: 'pain',
      text: '-5 stars reviews\r\n\tafter returns',
      department: 'product',
      author: 'Fay',
      extra: { channel: C.hotline },
    });
    note({
      id: N.mood,
      stage: S.use,
      lane: L.emotion,
      index: 'a0',
      kind: 'emotion',
      text: 'Frustrated',
      department: 'other',
      author: 'Gus',
    });
    note({
      id: N.orphan,
      stage: 'stage:gone',
      lane: L.pain,
      index: 'a0',
      kind: 'pain',
      text: 'From a removed stage',
      department: 'sales',
      author: 'Ann',
      extra: { channel: 'channel:removed' },
    });
    // "Did it work?" for the done action in "Use & support": CSAT over months around T0 (September,
    // the month it was done in, counts for neither side), and CES with too little data.
    const kpi = (id: string, fields: Record<string, unknown>) =>
      records.set(id, newRecordMap({ stageId: S.use, target: null, previous: null, trend: null, ...fields }));
    kpi('kpi:use.csat', {
      metric: 'CSAT',
      unit: '/5',
      direction: 'higher',
      value: 4.4,
      target: 4.5,
      measuredAt: '2026-12',
      recent: [
        ['2026-06', 3.9],
        ['2026-07', 4.0],
        ['2026-08', 4.1],
        ['2026-09', 2.0],
        ['2026-10', 4.2],
        ['2026-11', 4.3],
        ['2026-12', 4.4],
      ].map(([period, value]) => ({ period, value })),
    });
    kpi('kpi:use.ces', {
      metric: 'CES',
      unit: '/7',
      direction: 'lower',
      value: 3,
      measuredAt: '2026-10',
      recent: [{ period: '2026-10', value: 3 }],
    });
    // Two paths from the ad: the happy one to the welcome email, and a drop-out at the shipping cost.
    records.set('connector:adwelcome', newRecordMap({ from: N.instagram, to: N.welcome, kind: 'next-step' }));
    records.set('connector:adshipping', newRecordMap({ from: N.instagram, to: N.shipping, kind: 'drop-out' }));
    records.set('path:happy', newRecordMap({ connectors: ['connector:adwelcome'] }));
  }, ORIGIN.server);
  writeRoundRecord(
    doc,
    FIXTURE.rounds.first!,
    round('First pass', T0 + 60_000, { [N.shipping!]: 3, [N.instagram!]: 2, [N.formula!]: 1 }),
  );
  writeRoundRecord(doc, FIXTURE.rounds.second!, {
    ...round('After the break', T0 + 120_000, { [N.formula!]: 4, [N.ads!]: 4, [N.deleted!]: 2, [N.shipping!]: 1 }),
    notes: { [N.deleted!]: { text: 'Slow page, now merged', kind: 'pain', stageId: S.decision, laneId: L.pain } },
  });
  return doc;
}

export function round(title: string, revealedAt: number, totals: Record<string, number>): RoundFields {
  return {
    title,
    openedAt: revealedAt - 30_000,
    revealedAt,
    dotsPerPerson: 3,
    anonymous: true,
    voterCount: 4,
    totals,
    notes: {},
    byDepartment: {},
    byPerson: null,
  };
}

/** Comments per note for the fixture (the comments document is another feature's). */
export const FIXTURE_COMMENTS = new Map<NoteId, number>([
  [FIXTURE.notes.shipping!, 2],
  [FIXTURE.notes.ads!, 1],
]);
