import { describe, expect, it } from 'vitest';
import { CHECKPOINTS_CHANGED, encodeStorageStatus } from '../../shared/index.ts';
import { ServerMessages, type ServerNotice } from './serverMessages.ts';

describe('ServerMessages: where each stateless message of a board connection goes', () => {
  function messages() {
    const storage: boolean[] = [];
    const notices: ServerNotice[] = [];
    const json: unknown[] = [];
    let checkpoints = 0;
    const m = new ServerMessages((delayed) => storage.push(delayed));
    m.onNotice((n) => notices.push(n));
    m.onCheckpointsChanged(() => checkpoints++);
    const off = m.onMessage((message) => json.push(message));
    return { m, storage, notices, json, checkpoints: () => checkpoints, off };
  }

  it('the storage status to the connection status only', () => {
    const { m, storage, json } = messages();
    m.dispatch(encodeStorageStatus({ state: 'delayed', since: 1 }));
    m.dispatch(encodeStorageStatus({ state: 'ok' }));
    expect(storage).toEqual([true, false]);
    expect(json).toEqual([]);
  });

  it('"checkpoints changed" to the History panel only', () => {
    const { m, checkpoints, json } = messages();
    m.dispatch(CHECKPOINTS_CHANGED);
    expect(checkpoints()).toBe(1);
    expect(json).toEqual([]);
  });

  it('a notice to the person and, like every JSON message, to the feature channels; unparseable ones nowhere', () => {
    const { m, notices, json, off } = messages();
    const repaired = { type: 'journeyboard:repaired', reason: 'too-many-records', message: 'Some notes were removed.' };
    m.dispatch(JSON.stringify(repaired));
    m.dispatch(JSON.stringify({ type: 'voting:state' }));
    m.dispatch('not json');
    expect(notices).toEqual([repaired]);
    expect(json).toEqual([repaired, { type: 'voting:state' }]);
    off();
    m.dispatch(JSON.stringify({ type: 'voting:state' }));
    expect(json).toHaveLength(2);
  });
});
