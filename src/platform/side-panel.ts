// The side panel: the whole call beside the meeting, covering none of it. This is the one place that knows Chrome's
// `sidePanel` API and Firefox's sidebar (`sidebar_action`), behind the same two functions.
//
// A panel is enabled per meeting tab, never globally: the worker enables it when the tab's overlay first asks, with
// the tab's meeting in the page's URL (a Zoom tab on /wc/home has no meeting in its own URL).
import type { MeetingId } from '../domain/meeting-url';

export const CALL_PANEL_PAGE = 'src/sidepanel/sidepanel.html';

function sidePanel(): typeof chrome.sidePanel | undefined {
  return (globalThis as { chrome?: typeof chrome }).chrome?.sidePanel;
}

/** Firefox's sidebar: one per window, whose page can be set per tab, like Chrome's side panel. */
interface FirefoxSidebar {
  setPanel(details: { tabId: number; panel: string }): Promise<void>;
  open(): Promise<void>;
}

function firefoxSidebar(): FirefoxSidebar | undefined {
  return (globalThis as { browser?: { sidebarAction?: FirefoxSidebar } }).browser?.sidebarAction;
}

export function callPanelPath(tabId: number, meeting: MeetingId): string {
  const search = new URLSearchParams({ tab: String(tabId), platform: meeting.platform, code: meeting.code });
  return `${CALL_PANEL_PAGE}?${search.toString()}`;
}

/** Service worker: the panel of this meeting tab shows this meeting. */
export async function enableCallPanel(tabId: number, meeting: MeetingId): Promise<void> {
  const path = callPanelPath(tabId, meeting);
  const chromePanel = sidePanel();
  if (chromePanel) await chromePanel.setOptions({ tabId, path, enabled: true });
  else await firefoxSidebar()?.setPanel({ tabId, panel: `/${path}` });
}

/**
 * Opens the tab's panel. Call it synchronously in the click or command handler: Chrome opens a side panel only in
 * answer to a user gesture, and any `await` before this call loses it. Rejects where there is no side panel (this
 * browser, or a tab whose overlay never asked for one), so callers can offer the panel page in a tab instead.
 */
export function openCallPanel(tabId: number): Promise<void> {
  const api = sidePanel();
  if (api) return api.open({ tabId });
  // Firefox opens the sidebar of the current window, which shows the panel set for its active tab.
  const sidebar = firefoxSidebar();
  if (sidebar) return sidebar.open();
  return Promise.reject(new Error('This browser has no side panel.'));
}

/**
 * Whether this page can open the panel at all. Firefox gives its sidebar API to extension pages and the worker, but
 * not to our frame inside a meeting page, so the HUD there offers no Panel button (the popup and Alt+Shift+O open
 * the sidebar instead).
 */
export function canOpenCallPanel(): boolean {
  return sidePanel() !== undefined || firefoxSidebar() !== undefined;
}
