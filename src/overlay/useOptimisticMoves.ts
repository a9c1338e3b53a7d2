import { useRef } from 'preact/hooks';
import { currentItemIndex, moveToItem, type Call } from '../domain/call';
import type { MeetingId } from '../domain/meeting-url';
import { errorText } from '../domain/text';
import { requestFromServiceWorker } from '../platform/request';
import type { MeetingCall } from '../ui/call/useMeetingCall';

/**
 * Agenda moves on their way to storage. The HUD shows a move at once: the rep glances, and a glance must not wait
 * for a disk. Until the last move in flight is answered, what storage or another surface says of this call waits
 * (`holds`); then the HUD shows what storage holds, and a move that failed is taken back.
 */
export function useOptimisticMoves(meeting: MeetingId, meetingCall: MeetingCall) {
  const movesInFlight = useRef(0);
  const changeWaiting = useRef(false);
  const shownCall = useRef<Call | null>(null);
  shownCall.current = meetingCall.call;
  const { setCall, setActionError } = meetingCall;

  const settleMove = async (stored: Call | null) => {
    movesInFlight.current -= 1;
    if (movesInFlight.current > 0) return;
    if (stored && !changeWaiting.current) {
      setCall(stored.endedAt === null ? stored : null);
      return;
    }
    // A move failed, or another surface changed the call meanwhile: show what storage holds now.
    changeWaiting.current = false;
    try {
      setCall((await requestFromServiceWorker({ type: 'meeting/state', meeting })).activeCall);
    } catch (error) {
      setActionError(`${errorText(error)} Reload the tab to see where the call is.`);
    }
  };

  const move = (toItemIndex: number) => {
    const shown = shownCall.current;
    if (!shown || toItemIndex === currentItemIndex(shown)) return;
    const moved = moveToItem(shown, toItemIndex, shown.role, Date.now());
    shownCall.current = moved;
    movesInFlight.current += 1;
    setActionError(null);
    setCall(moved);
    requestFromServiceWorker({ type: 'call/moveTo', callId: shown.id, toItemIndex, role: shown.role }).then(
      (stored) => void settleMove(stored),
      (error: unknown) => {
        setActionError(`${errorText(error)} The move was not stored; try again.`);
        void settleMove(null);
      },
    );
  };

  /** Whether a call storage reports waits for the moves in flight, instead of showing now. */
  const holds = (call: Call): boolean => {
    if (movesInFlight.current === 0 || call.id !== shownCall.current?.id) return false;
    changeWaiting.current = true;
    return true;
  };

  return { move, holds };
}
