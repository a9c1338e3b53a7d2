// Ridealong on any tab, on demand: a Webex or Whereby tab, a browser dialer, a CRM. The person asks for it (the popup's
// "Run Ridealong on this tab", or the hide/show shortcut on a tab without Ridealong), which grants `activeTab` for
// that tab, and the worker injects the same content script the meeting sites get. No host permission is asked for.
// The HUD stays until the tab goes to another site: a reload on the same site puts it back, while the grant lasts
// (the content script tells the worker as the page goes: followReload).
import { browser, type Tabs } from './browser';
import { DEVICE_SETTING_KEYS } from './device-settings';

/** Set in the tab's isolated world before the content script runs: this tab asked for Ridealong. */
export const ON_DEMAND_FLAG = 'ridealongOnDemand';

/** Tabs where Ridealong was asked for, with the origin they were on; in session storage, gone with the browser. */
const TABS_KEY = DEVICE_SETTING_KEYS.onDemandTabs;

function scripting(): typeof chrome.scripting {
  return (globalThis as { chrome: typeof chrome }).chrome.scripting;
}

async function rememberedTabs(): Promise<Record<string, string>> {
  const stored = (await browser.storage.session.get(TABS_KEY))[TABS_KEY];
  return typeof stored === 'object' && stored !== null ? (stored as Record<string, string>) : {};
}

async function remember(tabId: number, origin: string | null): Promise<void> {
  const tabs = await rememberedTabs();
  if (origin) tabs[tabId] = origin;
  else delete tabs[tabId];
  await browser.storage.session.set({ [TABS_KEY]: tabs });
}

/** Puts Ridealong on a tab the person asked for it on. Rejects when the tab can't take it (a browser page, no grant). */
export async function runOnTab(tabId: number, url: string | undefined): Promise<void> {
  const file = chrome.runtime.getManifest().content_scripts?.[0]?.js?.[0];
  if (!file) throw new Error('The content script is missing from the manifest.');
  await scripting().executeScript({
    target: { tabId },
    func: (flag: string) => {
      (globalThis as Record<string, unknown>)[flag] = true;
    },
    args: [ON_DEMAND_FLAG],
  });
  await scripting().executeScript({ target: { tabId }, files: [file] });
  if (url) await remember(tabId, new URL(url).origin);
}

/** How long the worker waits for a tab that is going away to load again. */
const RELOAD_WAIT_MS = 60_000;

/** The tabs whose next load the worker waits for, each with what to do once it has loaded. */
const following = new Map<number, (url: string | undefined) => void>();
/** When each tab's last reload was followed: a pagehide message that comes after it is the same reload, late. */
const followedAt = new Map<number, number>();
const LATE_MESSAGE_MS = 10_000;

/**
 * A tab Ridealong was asked onto may be going away (its content script said so on beforeunload, and again on
 * pagehide: `pageIsGoing`). The worker waits for it to finish loading, only for that tab and only for a minute:
 * listening to every tab's updates all the time would wake the worker for each page any tab loads. One wait per tab,
 * however many times it is told, so Ridealong comes back once.
 */
export function followReload(tabId: number, pageIsGoing: boolean): void {
  let loaded = following.get(tabId);
  if (!loaded && pageIsGoing && Date.now() - (followedAt.get(tabId) ?? -Infinity) < LATE_MESSAGE_MS) return;
  if (!loaded) {
    let followed = false;
    const onUpdated = (updatedId: number, change: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab) => {
      if (updatedId === tabId && change.status === 'complete') loaded?.(tab.url);
    };
    const stop = () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      following.delete(tabId);
    };
    loaded = (url) => {
      if (followed) return;
      followed = true;
      followedAt.set(tabId, Date.now());
      stop();
      void reloadedTab(tabId, url);
    };
    const timer = setTimeout(stop, RELOAD_WAIT_MS);
    browser.tabs.onUpdated.addListener(onUpdated);
    following.set(tabId, loaded);
  }
  if (!pageIsGoing) return;
  // On pagehide the new page has committed, so the tab is loading, unless it already finished before this message
  // got through (a quick reload on a busy machine): then its "complete" came before anyone listened, and it is taken
  // from the tab as it is. (Not on beforeunload: then the tab is still the old page, complete.)
  const done = loaded;
  void browser.tabs.get(tabId).then(
    (tab) => tab.status === 'complete' && done(tab.url),
    () => undefined,
  );
}

/** A remembered tab finished loading: on the same site, Ridealong comes back; anywhere else, it is forgotten. */
export async function reloadedTab(tabId: number, url: string | undefined): Promise<void> {
  const origin = (await rememberedTabs())[tabId];
  if (!origin) return;
  if (!url || new URL(url).origin !== origin) {
    await remember(tabId, null);
    return;
  }
  await runOnTab(tabId, url).catch(() => remember(tabId, null));
}
