import { useEffect, useMemo, useState } from 'preact/hooks';
import { currentItemIndex, type Call } from '../domain/call';
import { debriefStatus, type Debrief } from '../domain/debrief';
import { filterCalls, historyFacets, NO_FILTERS, type HistoryFilters } from '../domain/call-history';
import { CALL_TYPES, planDisplayName } from '../domain/plan';
import { listCallsNewestFirst } from '../storage/calls';
import { getDebriefs } from '../storage/debriefs';
import { formatDateTime } from '../ui/format';
import { CALL_TYPE_NAMES, debriefStatusText, PLATFORM_NAMES } from '../ui/labels';
import { StorageProblem } from '../ui/storage-problem';
import { debriefHash } from '../ui/pages';
import { useLoad } from '../ui/useLoad';

const PAGE_SIZE = 50;

interface History {
  calls: Call[];
  /** False while only the first page is loaded; the rest follows a moment later. */
  everything: boolean;
}

/** Every call on this device, newest first, a page at a time, with filters and search over all of them. */
export function CallHistory() {
  const { loaded } = useLoad(async (early: (part: History) => void): Promise<History> => {
    // The first page shows at once; every call follows, so filters and search cover the whole history.
    const first = await listCallsNewestFirst(PAGE_SIZE + 1);
    if (first.length <= PAGE_SIZE) return { calls: first, everything: true };
    early({ calls: first, everything: false });
    return { calls: await listCallsNewestFirst(Infinity), everything: true };
  }, []);
  /** The debriefs looked up so far; null for a call that has none yet, so it is not looked up again. */
  const [debriefs, setDebriefs] = useState<Map<string, Debrief | null>>(new Map());
  /** Set when the debriefs could not be read: their statuses then show as unknown rather than loading forever. */
  const [debriefsFailed, setDebriefsFailed] = useState(false);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  const setFilter = (changes: Partial<HistoryFilters>) => {
    setFilters((current) => ({ ...current, ...changes }));
    setLimit(PAGE_SIZE);
  };

  const calls = loaded.status === 'ready' ? loaded.value.calls : null;
  // Over every call, so worked out once per list or filter change, not on each render.
  const matching = useMemo(() => (calls ? filterCalls(calls, filters) : []), [calls, filters]);
  const facets = useMemo(() => (calls ? historyFacets(calls) : { people: [], accounts: [] }), [calls]);
  const page = matching.slice(0, limit);
  const pageKey = page.map((call) => call.id).join(',');
  // Debriefs are read for the calls on screen only.
  useEffect(() => {
    const missing = page.map((call) => call.id).filter((id) => !debriefs.has(id));
    if (missing.length === 0) return;
    void getDebriefs(missing)
      .then((found) =>
        setDebriefs((current) => {
          const next = new Map(current);
          for (const id of missing) next.set(id, found.get(id) ?? null);
          return next;
        }),
      )
      // Rows stay listed without a debrief status; the page's own load shows any database problem.
      .catch(() => setDebriefsFailed(true));
  }, [pageKey]);

  if (loaded.status === 'loading') return <p class="muted">Loading calls…</p>;
  if (loaded.status === 'failed') {
    return (
      <StorageProblem
        error={loaded.error}
        onRetry={() => location.reload()}
        onRestore={() => {
          location.hash = debriefHash({ name: 'backup' });
        }}
      />
    );
  }
  if (loaded.value.calls.length === 0) {
    return (
      <p>
        No calls yet. Start a call from the Ridealong overlay on a Google Meet, Zoom or Teams meeting tab, or in the
        companion window, and it will be listed here for the debrief.
      </p>
    );
  }

  const { everything } = loaded.value;
  const shown = page;
  const more = matching.length > limit;

  return (
    <>
      <HistoryFilterBar filters={filters} facets={facets} onChange={setFilter} />
      {shown.length === 0 && everything && <p class="muted">No call matches these filters.</p>}
      {shown.length === 0 && !everything && <p class="muted">Searching every call…</p>}
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
            {shown.map((call) => (
              <CallRow
                key={call.id}
                call={call}
                debrief={debriefs.has(call.id) ? (debriefs.get(call.id) ?? null) : undefined}
                debriefsFailed={debriefsFailed}
              />
            ))}
          </tbody>
        </table>
      )}
      {(more || (!everything && matching.length >= limit)) && (
        <button onClick={() => setLimit(limit + PAGE_SIZE)}>Show older calls</button>
      )}
    </>
  );
}

/** Search, and the account, call type and person filters, over every call. */
function HistoryFilterBar(props: {
  filters: HistoryFilters;
  facets: { people: string[]; accounts: string[] };
  onChange: (changes: Partial<HistoryFilters>) => void;
}) {
  const { filters } = props;
  const { people, accounts } = props.facets;
  const setFilter = props.onChange;
  return (
    <div class="filters" role="search">
      <label>
        Search by call or account
        <input
          type="search"
          value={filters.query}
          onInput={(event) => setFilter({ query: event.currentTarget.value })}
        />
      </label>
      <label>
        Account
        <select value={filters.account} onChange={(event) => setFilter({ account: event.currentTarget.value })}>
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
        <select
          value={filters.callType}
          onChange={(event) => setFilter({ callType: event.currentTarget.value as HistoryFilters['callType'] })}
        >
          <option value="">All</option>
          {CALL_TYPES.map((type) => (
            <option key={type} value={type}>
              {CALL_TYPE_NAMES[type]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Person
        <select value={filters.person} onChange={(event) => setFilter({ person: event.currentTarget.value })}>
          <option value="">Everyone</option>
          {people.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/**
 * One call of the history. `debrief` is undefined until it is read (the status is then unknown, shown as loading,
 * or as unknown when the debriefs can't be read: "not started" would be wrong for most), null when it has none.
 */
function CallRow({
  call,
  debrief,
  debriefsFailed,
}: {
  call: Call;
  debrief: Debrief | null | undefined;
  debriefsFailed: boolean;
}) {
  return (
    <tr>
      <td>
        <a href={debriefHash({ name: 'call', callId: call.id })}>{planDisplayName(call.planSnapshot)}</a>
        {call.planSnapshot.team === true && <span class="team-mark"> · 👥 shared with the team</span>}
      </td>
      <td>{call.planSnapshot.account}</td>
      <td>{formatDateTime(call.startedAt)}</td>
      <td>{CALL_TYPE_NAMES[call.planSnapshot.callType]}</td>
      <td>{PLATFORM_NAMES[call.meeting.platform]}</td>
      <td>{call.role}</td>
      <td>
        item {currentItemIndex(call) + 1} of {call.planSnapshot.agenda.length}
      </td>
      <td>{debrief?.outcome.objectiveMet ?? '—'}</td>
      <td>
        {debrief !== undefined ? (
          debriefStatusText(debriefStatus(debrief ?? undefined))
        ) : (
          <span class="muted">{debriefsFailed ? '—' : 'loading…'}</span>
        )}
      </td>
    </tr>
  );
}
