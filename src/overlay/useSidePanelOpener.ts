import { useEffect, useState } from 'preact/hooks';
import { meetingKey, type MeetingId } from '../domain/meeting-url';
import { requestFromServiceWorker } from '../platform/request';
import { openCallPanel } from '../platform/side-panel';

/**
 * The side panel of this tab shows this meeting. `available` once the worker has enabled it for the tab, whose id
 * lets "Panel" open it within the click.
 */
export function useSidePanelOpener(meeting: MeetingId) {
  const [panelTabId, setPanelTabId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void requestFromServiceWorker({ type: 'panel/enable', meeting }).then(
      (reply) => setPanelTabId(reply.tabId),
      () => setPanelTabId(null),
    );
  }, [meetingKey(meeting)]);
  return {
    available: panelTabId !== null,
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
