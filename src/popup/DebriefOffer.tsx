// "Call ended: Debrief this call": the moment to debrief is right after the call.
import { useEffect, useState } from 'preact/hooks';
import { callToDebrief, endCall, type Call } from '../domain/call';
import { planDisplayName } from '../domain/plan';
import { browser } from '../platform/browser';
import { listCallsNewestFirst, updateCall } from '../storage/calls';
import { debriefPage } from '../ui/pages';

/** The meeting sites' tabs; the host permissions let the popup read their URLs without the `tabs` permission. */
const MEETING_TAB_PATTERNS = [
  'https://meet.google.com/*',
  'https://*.zoom.us/*',
  'https://teams.microsoft.com/*',
  'https://teams.live.com/*',
  'https://teams.cloud.microsoft/*',
];

/**
 * The last call that ended in the past day, on this device (callToDebrief). A call whose meeting is in no open tab any
 * more ended when it was last seen, and is stored as ended then. Read once, when the popup opens.
 */
export function useCallToDebrief(): Call | null {
  const [toDebrief, setToDebrief] = useState<Call | null>(null);
  useEffect(() => {
    void (async () => {
      const [calls, tabs] = await Promise.all([
        listCallsNewestFirst(5),
        browser.tabs.query({ url: MEETING_TAB_PATTERNS }).catch(() => null),
      ]);
      const now = Date.now();
      const openTabUrls = tabs && tabs.flatMap((tab) => (tab.url ? [tab.url] : []));
      const offer = callToDebrief(calls, openTabUrls, now);
      if (!offer) return;
      const { call, endedAt } = offer;
      setToDebrief(call.endedAt === null ? ((await updateCall(call.id, (c) => endCall(c, endedAt))) ?? call) : call);
    })();
  }, []);
  return toDebrief;
}

export function DebriefOffer({ call }: { call: Call | null }) {
  if (!call) return null;
  return (
    <div class="debrief-offer">
      <span>
        Call ended: <strong>{planDisplayName(call.planSnapshot)}</strong>
      </span>
      <button
        class="primary"
        onClick={() =>
          void browser.tabs.create({
            url: browser.runtime.getURL(debriefPage({ name: 'call', callId: call.id })),
          })
        }
      >
        Debrief this call
      </button>
    </div>
  );
}
