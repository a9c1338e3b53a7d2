// The meeting page can remove the overlay from its own DOM, again and again. The content script then stops putting it
// back and tells the worker, which marks the toolbar button of that tab: the page can take our box away, not the
// reason. Tab-specific, so the mark goes away when the tab loads another page.
import { browser, type Runtime } from '../platform/browser';
import { OVERLAY_BLOCKED_MESSAGE } from '../platform/frame-channel';

export const OVERLAY_BLOCKED_TITLE =
  'Ridealong: this meeting page keeps removing the Ridealong overlay, so it is not shown. Reload the tab to try again.';

/**
 * A report from our own content script in a tab: exactly `{ type }`, of the one type given. Content scripts send
 * nothing else, and carry nothing.
 */
export function isContentScriptReport(
  type: string,
  message: unknown,
  sender: Runtime.MessageSender,
  extensionId: string,
): boolean {
  if (sender.id !== extensionId || sender.tab?.id === undefined) return false;
  if (typeof message !== 'object' || message === null) return false;
  const keys = Object.keys(message);
  return keys.length === 1 && (message as { type?: unknown }).type === type;
}

export function isOverlayBlockedReport(message: unknown, sender: Runtime.MessageSender, extensionId: string): boolean {
  return isContentScriptReport(OVERLAY_BLOCKED_MESSAGE, message, sender, extensionId);
}

export async function markOverlayBlocked(tabId: number): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '!' }),
    browser.action.setBadgeBackgroundColor({ tabId, color: '#b91c1c' }),
    browser.action.setTitle({ tabId, title: OVERLAY_BLOCKED_TITLE }),
  ]);
}
