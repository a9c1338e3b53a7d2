// The side panel or the companion window with no call running: the companion window's plan, ready to start (or to
// start again); the side panel's wait for a call; and a call that just ended, with the way to its debrief.
import { useEffect, useState } from 'preact/hooks';
import type { Call, Role } from '../domain/call';
import { planDisplayName, type Plan } from '../domain/plan';
import { browser } from '../platform/browser';
import { loadDefaultRole, saveDefaultRole } from '../platform/device-settings';
import { RolePicker } from '../ui/call/RolePicker';
import { debriefPage } from '../ui/pages';

export function NoCall(props: {
  ended: Call | null;
  startable: Plan | undefined;
  busy: boolean;
  onStart: (plan: Plan, role: Role) => void;
}) {
  const { ended, startable } = props;
  const [role, setRole] = useState<Role>('rep');
  useEffect(() => void loadDefaultRole().then(setRole), []);
  if (startable) {
    return (
      <>
        <h1>{planDisplayName(startable)}</h1>
        {ended && (
          <p role="status">
            The call ended. <button onClick={() => openDebrief(ended)}>Open the debrief</button>
          </p>
        )}
        <RolePicker
          role={role}
          onRole={(option) => {
            setRole(option);
            void saveDefaultRole(option);
          }}
        />
        <p class="muted">
          For a call in a desktop app, on the phone or in person. Keep this window beside the call, or float the HUD on
          top once the call runs.
        </p>
        <button class="primary" disabled={props.busy} onClick={() => props.onStart(startable, role)}>
          {ended ? 'Start another call' : 'Start the call'}
        </button>
      </>
    );
  }
  if (!ended) {
    return (
      <>
        <h1>Ridealong</h1>
        <p>
          No call is running in this meeting yet. Choose a plan in the Ridealong box on the meeting tab; the call shows
          here as soon as it starts.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Call ended</h1>
      <p>“{planDisplayName(ended.planSnapshot)}” has ended. Debrief it while it is fresh: the rep speaks first.</p>
      <button class="primary" onClick={() => openDebrief(ended)}>
        Open the debrief
      </button>
    </>
  );
}

function openDebrief(call: Call): void {
  void browser.tabs.create({
    url: browser.runtime.getURL(debriefPage({ name: 'call', callId: call.id })),
  });
}
