// The side panel: the whole call beside the meeting, covering none of it. This is the one place that knows Chrome's
// `sidePanel` API; a Firefox build puts `sidebar_action` behind the same two functions.
//
// A panel is enabled per meeting tab, never globally: the worker enables it when the tab's overlay first asks, with
// the tab's meeting in the page's URL (a Zoom tab on /wc/home has no meeting in its own URL).
import type { MeetingId } from '../domain/meeting-url';

export const CALL_PANEL_PAGE = 'src/sidepanel/sidepanel.html';

function sidePanel(): typeof chrome.sidePanel | undefined {
  return (globalThis as { chrome?: typeof chrome }).chrome?.sidePanel;
}

export function callPanelPath(tabId: number, meeting: MeetingId): string {
  const search = new URLSearchParams({ tab: String(tabId), platform: meeting.platform, code: meeting.code });
  return `${CALL_PANEL_PAGE}?${search.toString()}`;
}

/** Service worker: the panel of this meeting tab shows this meeting. */
export async function enableCallPanel(tabId: number, meeting: MeetingId): Promise<void> {
  await sidePanel()?.setOptions({ tabId, path: callPanelPath(tabId, meeting), enabled: true });
}

/**
 * Opens the tab's panel. Call it synchronously in the click or command handler: Chrome opens a side panel only in
 * answer to a user gesture, and any `await` before this call loses it. Rejects where there is no side panel (this
 * browser, or a tab whose overlay never asked for one), so callers can offer the panel page in a tab instead.
 */
export function openCallPanel(tabId: number): Promise<void> {
  const api = sidePanel();
  if (!api) return Promise.reject(new Error('This browser has no side panel.'));
  return api.open({ tabId });
}
