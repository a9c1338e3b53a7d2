import { useEffect } from 'preact/hooks';
import { requestFromServiceWorker } from '../../platform/request';

/** While a call runs, a surface that shows it tells storage so this often. */
const ALIVE_EVERY_MS = 30_000;

/**
 * Tells storage the call is still on screen, so a call left without "End call" ends where it was last seen, and one
 * shown only in the side panel or the companion window doesn't end as "gone".
 */
export function useCallAlive(callId: string | null): void {
  useEffect(() => {
    if (!callId) return;
    const timer = setInterval(() => {
      void requestFromServiceWorker({ type: 'call/alive', callId }).catch(() => undefined);
    }, ALIVE_EVERY_MS);
    return () => clearInterval(timer);
  }, [callId]);
}
