import { useEffect, useRef } from 'preact/hooks';
import type { Role } from '../domain/call';
import type { Plan } from '../domain/plan';
import type { MeetingState } from '../platform/messages';
import type { Loadable } from '../ui/useLoad';
import type { SavedSettings } from './useOverlaySettings';

/**
 * The opt-in setting: a linked plan's meeting starts its call by itself, as the person's usual role. Decided once, on
 * the first answer about the meeting, and only when exactly one plan is linked and no call runs yet; never in a
 * meeting set to "Not now", nor when the page's own history.pushState led here (`arrivedByPage`).
 */
export function useAutoStart(
  saved: SavedSettings | null,
  loaded: Loadable<MeetingState>,
  arrivedByPage: boolean,
  start: (plan: Plan, role: Role) => Promise<void>,
): void {
  const decided = useRef(false);
  useEffect(() => {
    if (decided.current || !saved || loaded.status === 'loading') return;
    decided.current = true;
    if (loaded.status === 'failed' || !saved.autoStart || arrivedByPage || saved.dismissed) return;
    const { activeCall, linkedPlans } = loaded.value;
    const [onlyLinked, ...otherLinked] = linkedPlans;
    if (!activeCall && onlyLinked && otherLinked.length === 0) void start(onlyLinked, saved.role);
  }, [saved, loaded]);
}
