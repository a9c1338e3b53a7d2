// The commitment a debrief follows up comes from the same rep's previous debriefed call, read from storage.
import { afterEach, describe, expect, it } from 'vitest';
import { startCall } from '../../src/domain/call';
import { emptyDebrief, previousCommitment } from '../../src/domain/debrief';
import { saveCall } from '../../src/storage/calls';
import { earlierCallsOfRep, saveDebrief } from '../../src/storage/debriefs';
import { PLAN, resetDatabase, T } from './fixtures';

afterEach(resetDatabase);

const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const call = (id: string, startedAt: number, repName: string) =>
  saveCall(startCall({ ...PLAN, repName }, 'rep', MEETING, startedAt, id));
const commit = (callId: string, text: string) =>
  saveDebrief({
    ...emptyDebrief(callId, 'next-step', T),
    coaching: { wentWell: [], doDifferently: [], nextCallCommitment: text },
  });

describe('the commitment to follow up', () => {
  it('is the same rep’s latest earlier commitment, not another rep’s and not a later one', async () => {
    await call('old', T + 1_000, 'Sam');
    await commit('old', 'Pause after the ask');
    await call('other-rep', T + 2_000, 'Lee');
    await commit('other-rep', 'Not Sam’s');
    await call('no-debrief', T + 3_000, 'Sam');
    const now = await call('now', T + 4_000, ' sam ');
    await call('later', T + 5_000, 'Sam');
    await commit('later', 'From the future');
    expect(previousCommitment(await earlierCallsOfRep(now))).toMatchObject({
      callId: 'old',
      text: 'Pause after the ask',
    });
  });

  it('is none when the rep has no earlier commitment, or the plan names no rep', async () => {
    await call('old', T + 1_000, 'Sam');
    const now = await call('now', T + 4_000, 'Sam');
    expect(previousCommitment(await earlierCallsOfRep(now))).toBeNull();
    const unnamed = await call('unnamed', T + 5_000, '');
    expect(await earlierCallsOfRep(unnamed)).toEqual([]);
  });
});
