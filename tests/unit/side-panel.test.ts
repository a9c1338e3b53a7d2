// Chrome opens a side panel only within a user gesture, and any `await` before `sidePanel.open` loses it. Headless
// Chromium never delivers a keyboard command, so this checks what the shortcut's handler does in its first,
// synchronous step; and what the panel's page URL says, since the panel reads its meeting from it.
import { afterEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('../../src/platform/browser', () => ({ browser: { tabs: { sendMessage } } }));
const { handleCommand } = await import('../../src/background/commands');
const { callPanelPath, enableCallPanel } = await import('../../src/platform/side-panel');

function fakeSidePanel() {
  const sidePanel = { open: vi.fn(() => Promise.resolve()), setOptions: vi.fn(() => Promise.resolve()) };
  vi.stubGlobal('chrome', { sidePanel });
  return sidePanel;
}

afterEach(() => {
  vi.unstubAllGlobals();
  sendMessage.mockReset();
});

describe('the side panel command', () => {
  it('opens the tab’s panel before anything is awaited, so the shortcut’s gesture still counts', async () => {
    const sidePanel = fakeSidePanel();
    const handled = handleCommand('open-side-panel', { id: 7 });
    // Nothing awaited yet: the call must already have happened.
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 7 });
    await handled;
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('does nothing, quietly, where the tab has no panel or the browser has none', async () => {
    const sidePanel = fakeSidePanel();
    sidePanel.open.mockRejectedValueOnce(new Error('No active side panel for tabId: 7'));
    await expect(handleCommand('open-side-panel', { id: 7 })).resolves.toBeUndefined();
    vi.unstubAllGlobals();
    await expect(handleCommand('open-side-panel', { id: 7 })).resolves.toBeUndefined();
  });

  it('still passes the other shortcuts to the tab', async () => {
    fakeSidePanel();
    sendMessage.mockResolvedValue(undefined);
    await handleCommand('focus-note', { id: 3 });
    expect(sendMessage).toHaveBeenCalledWith(3, { type: 'ridealong/focus-note' });
  });
});

describe('the panel of a meeting tab', () => {
  it('is enabled for that tab only, with the meeting in its page URL', async () => {
    const sidePanel = fakeSidePanel();
    await enableCallPanel(12, { platform: 'zoom', code: '84511122233' });
    expect(sidePanel.setOptions).toHaveBeenCalledWith({
      tabId: 12,
      path: 'src/sidepanel/sidepanel.html?tab=12&platform=zoom&code=84511122233',
      enabled: true,
    });
    expect(callPanelPath(1, { platform: 'meet', code: 'abc-defg-hij' })).toBe(
      'src/sidepanel/sidepanel.html?tab=1&platform=meet&code=abc-defg-hij',
    );
  });
});
