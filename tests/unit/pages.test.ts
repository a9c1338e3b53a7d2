import { describe, expect, it } from 'vitest';
import {
  companionPage,
  debriefHash,
  debriefPage,
  debriefRouteFromHash,
  planEditorInTab,
  planIdFromHash,
  type DebriefRoute,
} from '../../src/ui/pages';

describe('page addresses, built and read in one place', () => {
  it.each<DebriefRoute>([
    { name: 'history' },
    { name: 'trends' },
    { name: 'backup' },
    { name: 'call', callId: 'c1' },
    { name: 'call', callId: 'odd id/with #&=' },
  ])('the debrief page reads back the route it was built with: %j', (route) => {
    const url = new URL(debriefPage(route), 'chrome-extension://x/');
    expect(url.pathname).toBe('/src/debrief/debrief.html');
    expect(debriefRouteFromHash(url.hash)).toEqual(route);
    expect(debriefRouteFromHash(debriefHash(route))).toEqual(route);
  });

  it('reads anything else as the history', () => {
    for (const hash of ['', '#', '#nothing', '#call=', '#trendsx'])
      expect(debriefRouteFromHash(hash)).toEqual({ name: 'history' });
  });

  it('builds the editor in a tab and the companion window for a plan, and reads the plan back', () => {
    const editor = new URL(planEditorInTab('p 1'), 'chrome-extension://x/');
    expect(editor.pathname + editor.search).toBe('/src/popup/popup.html?view=tab');
    expect(planIdFromHash(editor.hash)).toBe('p 1');
    expect(planIdFromHash('')).toBeNull();
    expect(new URL(companionPage('p&1'), 'chrome-extension://x/').searchParams.get('plan')).toBe('p&1');
  });
});
