import { useEffect, useState } from 'preact/hooks';
import { meetingKey, type MeetingId } from '../domain/meeting-url';
import { requestFromServiceWorker } from '../platform/request';
import { canOpenCallPanel, openCallPanel } from '../platform/side-panel';

/**
 * The side panel of this tab shows this meeting. `available` once the worker has enabled it for the tab, whose id
 * lets "Panel" open it within the click, and only where this frame can open a panel at all (in Firefox it can't:
 * the popup and Alt+Shift+O open the sidebar there).
 */
export function useSidePanelOpener(meeting: MeetingId) {
  const [panelTabId, setPanelTabId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Asked for even where this frame can't open it: the popup and the shortcut open what the worker set here.
    void requestFromServiceWorker({ type: 'panel/enable', meeting }).then(
      (reply) => setPanelTabId(reply.tabId),
      () => setPanelTabId(null),
    );
  }, [meetingKey(meeting)]);
  return {
    available: panelTabId !== null && canOpenCallPanel(),
    error,
    open: () => {
      if (panelTabId === null) return;
      setError(null);
      // No await before this: the click is the gesture that lets the panel open.
      openCallPanel(panelTabId).catch(() =>
        setError('The side panel could not open here. The whole call is under More.'),
      );
    },
  };
}
