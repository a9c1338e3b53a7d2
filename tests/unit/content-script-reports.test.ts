// The only messages a content script may send: exactly `{ type }` of a known report, from our own extension, in a
// tab. Anything more, or from anywhere else, is no report.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/platform/browser', () => ({ browser: {} }));
const { isContentScriptReport } = await import('../../src/background/overlay-blocked');
const { ON_DEMAND_LEAVING_MESSAGE, ON_DEMAND_MAY_LEAVE_MESSAGE, OVERLAY_BLOCKED_MESSAGE } =
  await import('../../src/platform/frame-channel');

const FROM_TAB = { id: 'ours', tab: { id: 4 } } as never;

describe('reports from a content script', () => {
  it('are exactly { type }, from our own content script in a tab', () => {
    for (const type of [OVERLAY_BLOCKED_MESSAGE, ON_DEMAND_LEAVING_MESSAGE, ON_DEMAND_MAY_LEAVE_MESSAGE]) {
      expect(isContentScriptReport(type, { type }, FROM_TAB, 'ours')).toBe(true);
      expect(isContentScriptReport(type, { type, tabId: 9 }, FROM_TAB, 'ours')).toBe(false);
      expect(isContentScriptReport(type, { type }, { id: 'other', tab: { id: 4 } } as never, 'ours')).toBe(false);
      expect(isContentScriptReport(type, { type }, { id: 'ours' } as never, 'ours')).toBe(false);
    }
    expect(isContentScriptReport(ON_DEMAND_LEAVING_MESSAGE, { type: OVERLAY_BLOCKED_MESSAGE }, FROM_TAB, 'ours')).toBe(
      false,
    );
    expect(isContentScriptReport(OVERLAY_BLOCKED_MESSAGE, null, FROM_TAB, 'ours')).toBe(false);
  });
});
