import { describe, expect, it } from 'vitest';
import type { LaneId, StageId } from '../../shared/index.ts';
import { toolbarAddCell } from './addTarget.ts';

const s = (n: string) => n as StageId;
const l = (n: string) => n as LaneId;
const grid = {
  stages: [s('aware'), s('buy'), s('use')].map((id) => ({ id })),
  lanes: [
    { id: l('touch'), kind: 'touchpoint' as const },
    { id: l('pain'), kind: 'pain' as const },
    { id: l('pain2'), kind: 'pain' as const },
  ],
};

describe('where the toolbar adds a note', () => {
  it('into the picked cell when its lane holds that kind', () => {
    expect(toolbarAddCell(grid, 'pain', { stageId: s('aware'), laneId: l('pain2') }, s('buy'))).toEqual({
      stageId: 'aware',
      laneId: 'pain2',
    });
  });

  it('in the picked stage, in the first lane of that kind, when the picked lane holds another kind', () => {
    expect(toolbarAddCell(grid, 'pain', { stageId: s('use'), laneId: l('touch') }, s('buy'))).toEqual({
      stageId: 'use',
      laneId: 'pain',
    });
  });

  it('in the picked lane when no lane holds that kind', () => {
    expect(toolbarAddCell(grid, 'idea', { stageId: s('use'), laneId: l('touch') }, null)).toEqual({
      stageId: 'use',
      laneId: 'touch',
    });
  });

  it('nothing picked: the stage in the middle of the view', () => {
    expect(toolbarAddCell(grid, 'pain', null, s('buy'))).toEqual({ stageId: 'buy', laneId: 'pain' });
  });

  it('a picked cell whose stage was removed falls back to the middle of the view', () => {
    expect(toolbarAddCell(grid, 'pain', { stageId: s('gone'), laneId: l('pain') }, s('buy'))).toEqual({
      stageId: 'buy',
      laneId: 'pain',
    });
  });

  it('no cells, no target', () => {
    expect(toolbarAddCell({ stages: [], lanes: [] }, 'pain', null, null)).toBeNull();
  });
});
