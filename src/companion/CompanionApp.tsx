// The companion window: a joint call outside a browser meeting (the Zoom or Teams desktop app, a phone call, a
// ride-along in person) runs here, in an extension page of its own: the HUD, the agenda, the questions, the notes.
// It is the side panel's call view with a Start button, and "Float on top" puts the compact HUD in a Document
// Picture-in-Picture window that stays above the meeting app.
//
// One call record whatever the surface: the call runs in the plan's own meeting when its link is one, so the
// meeting's tab shows the same call, and the worker never starts a second live call for a plan.
import { useEffect, useState } from 'preact/hooks';
import { companionMeeting } from '../domain/call';
import { planDisplayName, type Plan } from '../domain/plan';
import { getPlan } from '../storage/plans';
import { SidePanelApp } from '../sidepanel/SidePanelApp';
import { FloatOnTop } from './FloatOnTop';
import { errorText } from '../domain/text';

type Loaded =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; plan: Plan };

export function CompanionApp({ planId }: { planId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    if (!planId) return setLoaded({ status: 'missing' });
    getPlan(planId).then(
      (plan) => setLoaded(plan ? { status: 'ready', plan } : { status: 'missing' }),
      (error: unknown) => setLoaded({ status: 'failed', message: errorText(error) }),
    );
  }, [planId]);
  useEffect(() => {
    if (loaded.status === 'ready') document.title = `Ridealong: ${planDisplayName(loaded.plan)}`;
  }, [loaded]);

  if (loaded.status === 'loading') return <p class="muted side">Loading the plan…</p>;
  if (loaded.status === 'missing' || loaded.status === 'failed') {
    return (
      <main class="side">
        <h1>Ridealong</h1>
        <p class="error" role="alert">
          {loaded.status === 'missing'
            ? 'This plan no longer exists on this device. Open Ridealong from the toolbar and pick a plan.'
            : `The plan could not be read: ${loaded.message}`}
        </p>
      </main>
    );
  }
  return (
    <SidePanelApp
      meeting={companionMeeting(loaded.plan)}
      startable={loaded.plan}
      floating={(hud) => <FloatOnTop hud={hud} />}
    />
  );
}
