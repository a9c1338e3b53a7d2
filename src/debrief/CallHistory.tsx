import { useEffect, useState } from 'preact/hooks';
import { currentItemIndex, type Call } from '../domain/call';
import { debriefStatus, type Debrief } from '../domain/debrief';
import { CALL_TYPES, planDisplayName } from '../domain/plan';
import { listCallsNewestFirst } from '../storage/calls';
import { getDebriefs } from '../storage/debriefs';
import { formatDateTime, PLATFORM_NAMES } from '../ui/format';

const PAGE_SIZE = 50;
const STATUS_TEXT = { 'not-started': 'not started', 'in-progress': 'in progress', complete: '✓ complete' } as const;
const TYPE_NAMES = { discovery: 'Discovery', advance: 'Advance', close: 'Close' } as const;

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; calls: Call[]; debriefs: Map<string, Debrief>; more: boolean };

/** Every call on this device, newest first, a page at a time, with filters and search. */
export function CallHistory() {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [query, setQuery] = useState('');
  const [callType, setCallType] = useState('');
  const [person, setPerson] = useState('');
  const [account, setAccount] = useState('');

  useEffect(() => {
    void (async () => {
      try {
        const found = await listCallsNewestFirst(limit + 1);
        const calls = found.slice(0, limit);
        setLoaded({
          status: 'ready',
          calls,
          debriefs: await getDebriefs(calls.map((c) => c.id)),
          more: found.length > limit,
        });
      } catch (error) {
        setLoaded({ status: 'failed', message: `Ridealong could not read its calls: ${String(error)}` });
      }
    })();
  }, [limit]);

  if (loaded.status === 'loading') return <p class="muted">Loading calls…</p>;
  if (loaded.status === 'failed') {
    return (
      <p class="error" role="alert">
        {loaded.message}
      </p>
    );
  }
  if (loaded.calls.length === 0) {
    return (
      <p>
        No calls yet. Start a call from the Ridealong overlay on a Google Meet or Zoom meeting tab, and it will be
        listed here for the debrief.
      </p>
    );
  }

  const people = [...new Set(loaded.calls.flatMap((c) => [c.planSnapshot.repName, c.planSnapshot.managerName]))]
    .map((name) => name.trim())
    .filter(Boolean)
    .sort();
  const accounts = [...new Set(loaded.calls.map((c) => c.planSnapshot.account.trim()))].filter(Boolean).sort();
  const needle = query.trim().toLowerCase();
  const shown = loaded.calls.filter((call) => {
    const plan = call.planSnapshot;
    if (callType && plan.callType !== callType) return false;
    if (account && plan.account.trim() !== account) return false;
    if (person && plan.repName.trim() !== person && plan.managerName.trim() !== person) return false;
    return `${planDisplayName(plan)} ${plan.account}`.toLowerCase().includes(needle);
  });

  return (
    <>
      <div class="filters" role="search">
        <label>
          Search by call or account
          <input type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
        </label>
        <label>
          Account
          <select value={account} onChange={(event) => setAccount(event.currentTarget.value)}>
            <option value="">All</option>
            {accounts.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Call type
          <select value={callType} onChange={(event) => setCallType(event.currentTarget.value)}>
            <option value="">All</option>
            {CALL_TYPES.map((type) => (
              <option key={type} value={type}>
                {TYPE_NAMES[type]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Person
          <select value={person} onChange={(event) => setPerson(event.currentTarget.value)}>
            <option value="">Everyone</option>
            {people.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {shown.length === 0 && <p class="muted">No call matches these filters.</p>}
      {shown.length > 0 && (
        <table aria-label="Calls, newest first">
          <thead>
            <tr>
              <th scope="col">Call</th>
              <th scope="col">Account</th>
              <th scope="col">Started</th>
              <th scope="col">Type</th>
              <th scope="col">Meeting</th>
              <th scope="col">This device</th>
              <th scope="col">Reached</th>
              <th scope="col">Objective met</th>
              <th scope="col">Debrief</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((call) => {
              const debrief = loaded.debriefs.get(call.id);
              return (
                <tr key={call.id}>
                  <td>
                    <a href={`#call=${encodeURIComponent(call.id)}`}>{planDisplayName(call.planSnapshot)}</a>
                  </td>
                  <td>{call.planSnapshot.account}</td>
                  <td>{formatDateTime(call.startedAt)}</td>
                  <td>{TYPE_NAMES[call.planSnapshot.callType]}</td>
                  <td>{PLATFORM_NAMES[call.meeting.platform]}</td>
                  <td>{call.role}</td>
                  <td>
                    item {currentItemIndex(call) + 1} of {call.planSnapshot.agenda.length}
                  </td>
                  <td>{debrief?.outcome.objectiveMet ?? '—'}</td>
                  <td>{STATUS_TEXT[debriefStatus(debrief)]}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {loaded.more && <button onClick={() => setLimit(limit + PAGE_SIZE)}>Show older calls</button>}
    </>
  );
}
