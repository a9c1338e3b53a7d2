import { useState } from 'preact/hooks';
import type { Call } from '../../domain/call';
import { errorText } from '../../domain/text';

/**
 * One write to a call through the service worker, for every surface that shows one: busy while it is on its way,
 * the stored call handed to `show`, and a failure said in words (nothing was lost; the write can be made again).
 */
export function useCallWrite(show: (call: Call) => void) {
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const act = async (send: () => Promise<Call>) => {
    setBusy(true);
    setActionError(null);
    try {
      show(await send());
    } catch (error) {
      setActionError(`${errorText(error)} Nothing was lost; try again.`);
    } finally {
      setBusy(false);
    }
  };
  return { busy, actionError, setActionError, act };
}
