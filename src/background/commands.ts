// Keyboard commands (manifest `commands`, changeable at chrome://extensions/shortcuts).
import { browser, type Tabs } from '../platform/browser';
import { FOCUS_NOTE_MESSAGE, TOGGLE_OVERLAY_MESSAGE } from '../platform/frame-channel';
import { runOnTab } from '../platform/on-demand';
import { openCallPanel } from '../platform/side-panel';

const MESSAGES: Record<string, string> = {
  'toggle-overlay': TOGGLE_OVERLAY_MESSAGE,
  'focus-note': FOCUS_NOTE_MESSAGE,
};

/**
 * Passes a shortcut to the tab it was pressed in: hide or show the overlay, or put the cursor in the note line.
 * "Hide or show" on a tab without Ridealong (not a meeting site) puts it there: the shortcut grants `activeTab`.
 * "Open the side panel" opens that tab's panel; on a tab that has none, nothing happens.
 */
export async function handleCommand(command: string, tab: Pick<Tabs.Tab, 'id' | 'url'> | undefined): Promise<void> {
  if (tab?.id === undefined) return;
  if (command === 'open-side-panel') {
    // First thing, with no await before it: the shortcut is the user gesture that lets a side panel open.
    await openCallPanel(tab.id).catch(() => undefined);
    return;
  }
  const type = MESSAGES[command];
  if (!type) return;
  try {
    await browser.tabs.sendMessage(tab.id, { type });
  } catch {
    // No content script listening: not a meeting site. "Show" puts Ridealong on this tab; a browser page refuses it.
    if (command === 'toggle-overlay') await runOnTab(tab.id, tab.url).catch(() => undefined);
  }
}
