// Keyboard commands (manifest `commands`, changeable at chrome://extensions/shortcuts).
import { browser, type Tabs } from '../platform/browser';
import { TOGGLE_OVERLAY_MESSAGE } from '../platform/content-messages';

/** Hides or shows the overlay in the tab the shortcut was pressed in. Tabs without an overlay ignore it. */
export async function handleCommand(command: string, tab: Pick<Tabs.Tab, 'id'> | undefined): Promise<void> {
  if (command !== 'toggle-overlay' || tab?.id === undefined) return;
  try {
    await browser.tabs.sendMessage(tab.id, { type: TOGGLE_OVERLAY_MESSAGE });
  } catch {
    // Not a meeting tab: no content script is listening, and there is nothing to hide.
  }
}
