import { useEffect, useState } from 'preact/hooks';
import { currentItemIndex, type Call } from '../domain/call';
import { planDisplayName } from '../domain/plan';
import { listCallsNewestFirst } from '../storage/calls';
import { formatDateTime, PLATFORM_NAMES } from '../ui/format';

const PAGE_SIZE = 50;

type Calls = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; calls: Call[] };

/** The call history. The debrief of one call (rep first, replay, outcome, coaching) is the debrief issue's. */
export function CallHistory() {
  const [calls, setCalls] = useState<Calls>({ status: 'loading' });
  const [limit, setLimit] = useState(PAGE_SIZE);
  // Opened from "Debrief this call": that call is marked in the list.
  const selectedId = new URLSearchParams(location.hash.slice(1)).get('call');

  useEffect(() => {
    listCallsNewestFirst(limit + 1).then(
      (found) => setCalls({ status: 'ready', calls: found }),
      (error: unknown) =>
        setCalls({ status: 'failed', message: `Ridealong could not read its calls: ${String(error)}` }),
    );
  }, [limit]);

  return (
    <main class="history">
      <h1>Call history</h1>
      {calls.status === 'loading' && <p class="muted">Loading calls…</p>}
      {calls.status === 'failed' && (
        <p class="error" role="alert">
          {calls.message}
        </p>
      )}
      {calls.status === 'ready' && calls.calls.length === 0 && (
        <p>
          No calls yet. Start a call from the Ridealong overlay on a Google Meet or Zoom meeting tab, and it will be
          listed here for the debrief.
        </p>
      )}
      {calls.status === 'ready' && calls.calls.length > 0 && (
        <>
          <table aria-label="Calls, newest first">
            <thead>
              <tr>
                <th scope="col">Call</th>
                <th scope="col">Started</th>
                <th scope="col">Meeting</th>
                <th scope="col">This device</th>
                <th scope="col">Reached</th>
              </tr>
            </thead>
            <tbody>
              {calls.calls.slice(0, limit).map((call) => (
                <tr key={call.id} aria-current={call.id === selectedId ? 'true' : undefined}>
                  <td>{planDisplayName(call.planSnapshot)}</td>
                  <td>{formatDateTime(call.startedAt)}</td>
                  <td>{PLATFORM_NAMES[call.meeting.platform]}</td>
                  <td>{call.role}</td>
                  <td>
                    item {currentItemIndex(call) + 1} of {call.planSnapshot.agenda.length}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {calls.calls.length > limit && <button onClick={() => setLimit(limit + PAGE_SIZE)}>Show older calls</button>}
        </>
      )}
    </main>
  );
}
