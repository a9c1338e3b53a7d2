// The companion window: a joint call outside a browser meeting (the Zoom or Teams desktop app, a phone call, a
// ride-along in person) runs here, in an extension page of its own: the HUD, the agenda, the questions, the notes.
// It is the side panel's call view with a Start button, and "Float on top" puts the compact HUD in a Document
// Picture-in-Picture window that stays above the meeting app.
//
// One call record whatever the surface: the call runs in the plan's own meeting when its link is one, so the
// meeting's tab shows the same call, and the worker never starts a second live call for a plan.
import { useEffect } from 'preact/hooks';
import { companionMeeting } from '../domain/call';
import { planDisplayName, type Plan } from '../domain/plan';
import { getPlan } from '../storage/plans';
import { SidePanelApp } from '../sidepanel/SidePanelApp';
import { FloatOnTop } from './FloatOnTop';
import { errorText } from '../domain/text';
import { useLoad } from '../ui/useLoad';

export function CompanionApp({ planId }: { planId: string }) {
  // Undefined: no such plan on this device (any more).
  const { loaded } = useLoad(async (): Promise<Plan | undefined> => (planId ? getPlan(planId) : undefined), [planId]);
  const plan = loaded.status === 'ready' ? loaded.value : undefined;
  useEffect(() => {
    if (plan) document.title = `Ridealong: ${planDisplayName(plan)}`;
  }, [plan]);

  if (loaded.status === 'loading') return <p class="muted side">Loading the plan…</p>;
  if (!plan) {
    return (
      <main class="side">
        <h1>Ridealong</h1>
        <p class="error" role="alert">
          {loaded.status === 'failed'
            ? `The plan could not be read: ${errorText(loaded.error)}`
            : 'This plan no longer exists on this device. Open Ridealong from the toolbar and pick a plan.'}
        </p>
      </main>
    );
  }
  return (
    <SidePanelApp meeting={companionMeeting(plan)} startable={plan} floating={(hud) => <FloatOnTop hud={hud} />} />
  );
}
