// The debrief page's history: which calls match the filters and the search, and which people and accounts there
// are to filter by. Pure, so it runs over every call on the device, not just the page on screen.
import type { Call } from './call';
import { planDisplayName, type CallType } from './plan';
import { fold } from './text';

export interface HistoryFilters {
  /** Free text, matched against the call's name and account, ignoring case and accents. */
  query: string;
  account: string;
  callType: CallType | '';
  /** The rep or the manager named in the plan. */
  person: string;
}

export const NO_FILTERS: HistoryFilters = { query: '', account: '', callType: '', person: '' };

/** `calls` newest first; the result keeps that order. */
export function filterCalls(calls: readonly Call[], filters: HistoryFilters): Call[] {
  const needle = fold(filters.query.trim());
  return calls.filter((call) => {
    const plan = call.planSnapshot;
    if (filters.callType && plan.callType !== filters.callType) return false;
    if (filters.account && plan.account.trim() !== filters.account) return false;
    if (filters.person && plan.repName.trim() !== filters.person && plan.managerName.trim() !== filters.person)
      return false;
    return needle === '' || fold(`${planDisplayName(plan)} ${plan.account}`).includes(needle);
  });
}

/** The people and accounts to offer in the filters, sorted, without blanks or repeats. */
export function historyFacets(calls: readonly Call[]): { people: string[]; accounts: string[] } {
  const unique = (values: string[]) => [...new Set(values.map((value) => value.trim()).filter(Boolean))].sort();
  return {
    people: unique(calls.flatMap((call) => [call.planSnapshot.repName, call.planSnapshot.managerName])),
    accounts: unique(calls.map((call) => call.planSnapshot.account)),
  };
}
