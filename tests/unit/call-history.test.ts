import { describe, expect, it } from 'vitest';
import { startCall, type Call } from '../../src/domain/call';
import { filterCalls, historyFacets, NO_FILTERS } from '../../src/domain/call-history';
import type { Plan } from '../../src/domain/plan';
import { PLAN } from './fixtures';

const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const call = (id: string, plan: Partial<Plan>): Call => startCall({ ...PLAN, ...plan }, 'rep', MEETING, 1_000, id);

const CALLS = [
  call('c1', { title: 'Société Générale: renewal', account: 'Société Générale', callType: 'close', repName: 'Sam' }),
  call('c2', { title: 'Acme: pilot', account: 'Acme', callType: 'discovery', repName: 'Lee', managerName: 'Dana' }),
  call('c3', { title: 'Acme: proposal', account: 'Acme ', callType: 'advance', repName: 'Sam', managerName: 'Kim' }),
];
const ids = (calls: Call[]) => calls.map((c) => c.id);

describe('the call history', () => {
  it('keeps every call, in order, with no filter', () => {
    expect(ids(filterCalls(CALLS, NO_FILTERS))).toEqual(['c1', 'c2', 'c3']);
  });

  it('filters by account, call type and person (rep or manager), together', () => {
    expect(ids(filterCalls(CALLS, { ...NO_FILTERS, account: 'Acme' }))).toEqual(['c2', 'c3']);
    expect(ids(filterCalls(CALLS, { ...NO_FILTERS, callType: 'close' }))).toEqual(['c1']);
    expect(ids(filterCalls(CALLS, { ...NO_FILTERS, person: 'Sam' }))).toEqual(['c1', 'c3']);
    expect(ids(filterCalls(CALLS, { ...NO_FILTERS, person: 'Kim' }))).toEqual(['c3']);
    expect(ids(filterCalls(CALLS, { ...NO_FILTERS, person: 'Sam', account: 'Acme' }))).toEqual(['c3']);
  });

  it('searches the name and account, ignoring case and accents', () => {
    expect(ids(filterCalls(CALLS, { ...NO_FILTERS, query: ' SOCIETE ' }))).toEqual(['c1']);
    expect(ids(filterCalls(CALLS, { ...NO_FILTERS, query: 'proposal' }))).toEqual(['c3']);
    expect(filterCalls(CALLS, { ...NO_FILTERS, query: 'initech' })).toEqual([]);
  });

  it('offers each person and account once, sorted, without blanks', () => {
    expect(historyFacets(CALLS)).toEqual({
      people: ['Dana', 'Kim', 'Lee', 'Sam'],
      accounts: ['Acme', 'Société Générale'],
    });
  });

  it('searches thousands of calls at once, not just the page on screen', () => {
    const many = Array.from({ length: 5000 }, (_, index) => call(`m${index}`, { account: `Account ${index}` }));
    expect(ids(filterCalls(many, { ...NO_FILTERS, query: 'account 4999' }))).toEqual(['m4999']);
  });
});
