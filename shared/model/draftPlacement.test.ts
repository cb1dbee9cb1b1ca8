import { describe, expect, it } from 'vitest';
import { draftCell } from './draftPlacement.ts';
import type { Lane } from '../schema/lane.ts';
import type { Stage } from '../schema/stage.ts';

const stage = (id: string) => ({ id }) as unknown as Stage;
const lane = (id: string, kind: Lane['kind']) => ({ id, kind }) as unknown as Lane;
const board = {
  stages: [stage('stage:a'), stage('stage:b')],
  lanes: [lane('lane:t', 'touchpoint'), lane('lane:p', 'pain'), lane('lane:i', 'idea')],
};

describe('draftCell: a private draft is never lost when its cell goes', () => {
  it('keeps a cell that exists', () => {
    expect(draftCell(board, { stageId: 'stage:b', laneId: 'lane:i', kind: null })).toEqual({
      stageId: 'stage:b',
      laneId: 'lane:i',
      moved: false,
    });
  });
  it('a removed stage becomes the first stage, same lane', () => {
    expect(draftCell(board, { stageId: 'stage:gone', laneId: 'lane:p', kind: null })).toEqual({
      stageId: 'stage:a',
      laneId: 'lane:p',
      moved: true,
    });
  });
  it('a removed lane becomes the first lane of the draft’s kind, else the first lane', () => {
    expect(draftCell(board, { stageId: 'stage:b', laneId: 'lane:gone', kind: 'idea' })).toEqual({
      stageId: 'stage:b',
      laneId: 'lane:i',
      moved: true,
    });
    expect(draftCell(board, { stageId: 'stage:b', laneId: 'lane:gone', kind: null })).toEqual({
      stageId: 'stage:b',
      laneId: 'lane:t',
      moved: true,
    });
    expect(draftCell(board, { stageId: 'stage:gone', laneId: 'lane:gone', kind: 'emotion' })).toEqual({
      stageId: 'stage:a',
      laneId: 'lane:t',
      moved: true,
    });
  });
  it('only a board without stages or lanes has no cell', () => {
    expect(
      draftCell({ stages: [], lanes: board.lanes }, { stageId: 'stage:a', laneId: 'lane:t', kind: null }),
    ).toBeNull();
  });
});
