// What the popup offers for the tab it was opened on: a meeting tab's side panel, or Ridealong on any other web page
// (Webex, a dialer, a CRM).
import { useEffect, useState } from 'preact/hooks';
import { isTeamsCallScreen, isZoomWebAppHome, meetingFromUrl } from '../domain/meeting-url';
import { browser } from '../platform/browser';
import { runOnTab } from '../platform/on-demand';
import { openCallPanel } from '../platform/side-panel';

export interface CurrentTab {
  /** The current tab, when it is in a meeting: its side panel is one click away. */
  meetingTabId: number | null;
  /** The current tab, when it is some other web page: Ridealong can run there on request. */
  otherTab: { id: number; url: string } | null;
}

/** The tab the popup was opened on, read once; the host permissions let it see meeting sites' URLs without `tabs`. */
export function useCurrentTab(): CurrentTab {
  const [meetingTabId, setMeetingTabId] = useState<number | null>(null);
  const [otherTab, setOtherTab] = useState<{ id: number; url: string } | null>(null);
  useEffect(() => {
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => {
        const url = tab?.url ?? '';
        if (tab?.id === undefined) return;
        if (meetingFromUrl(url) || isZoomWebAppHome(url) || isTeamsCallScreen(url)) setMeetingTabId(tab.id);
        // Any other web page: the toolbar click granted access to it, so Ridealong can be put there.
        else if (/^https?:/.test(url)) setOtherTab({ id: tab.id, url });
      })
      .catch(() => undefined);
  }, []);
  return { meetingTabId, otherTab };
}

export function TabOffers({ tab, onProblem }: { tab: CurrentTab; onProblem: (text: string) => void }) {
  const { meetingTabId, otherTab } = tab;
  return (
    <>
      {meetingTabId !== null && (
        <div class="panel-offer">
          <button
            class="primary"
            onClick={() =>
              // No await before this: the click is the gesture that lets the side panel open.
              void openCallPanel(meetingTabId).then(
                () => window.close(),
                () =>
                  onProblem(
                    'The side panel opens once Ridealong shows on this meeting tab. Reload the tab, then try again.',
                  ),
              )
            }
          >
            Open the call in the side panel
          </button>
        </div>
      )}
      {otherTab && (
        <div class="panel-offer">
          <button
            onClick={() =>
              void runOnTab(otherTab.id, otherTab.url).then(
                () => window.close(),
                () =>
                  onProblem(
                    'Ridealong can’t run on this page: the browser keeps extensions off its own pages and the web store.',
                  ),
              )
            }
          >
            Run Ridealong on this tab
          </button>
        </div>
      )}
    </>
  );
}
