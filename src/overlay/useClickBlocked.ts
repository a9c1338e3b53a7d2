import { useEffect, useState } from 'preact/hooks';
import { CLICK_ALLOWED, CLICK_BLOCKED } from './click-guard';

export const COVERED_TEXT =
  'That click did nothing: something from the meeting page was covering Ridealong. Close what covers it, or move Ridealong, then click again.';

/** True while the last pointer click was held back because the meeting page covered the overlay. */
export function useClickBlocked(): boolean {
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    const onBlocked = () => setBlocked(true);
    const onAllowed = () => setBlocked(false);
    window.addEventListener(CLICK_BLOCKED, onBlocked);
    window.addEventListener(CLICK_ALLOWED, onAllowed);
    return () => {
      window.removeEventListener(CLICK_BLOCKED, onBlocked);
      window.removeEventListener(CLICK_ALLOWED, onAllowed);
    };
  }, []);
  return blocked;
}
