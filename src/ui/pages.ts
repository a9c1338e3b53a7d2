// Ridealong's own pages and their addresses, built and read in one place. Paths are relative to the extension's root;
// `pageUrl` makes them absolute (`chrome-extension://<id>/…`). Pure, so the routes are unit-tested.

export type DebriefRoute =
  { name: 'history' } | { name: 'call'; callId: string } | { name: 'trends' } | { name: 'backup' };

/** The debrief page: the call history, one call's debrief, the trends, or backup and restore. */
export function debriefPage(route: DebriefRoute = { name: 'history' }): string {
  const hash =
    route.name === 'call'
      ? `#call=${encodeURIComponent(route.callId)}`
      : route.name === 'history'
        ? ''
        : `#${route.name}`;
  return `src/debrief/debrief.html${hash}`;
}

/** The fragment alone, for links within the debrief page. */
export function debriefHash(route: DebriefRoute): string {
  return debriefPage(route).slice('src/debrief/debrief.html'.length) || '#';
}

/** `#call=<id>` opens one call's debrief, `#trends` the trends, `#backup` backup and restore; anything else is the history. */
export function debriefRouteFromHash(hash: string): DebriefRoute {
  const callId = new URLSearchParams(hash.slice(1)).get('call');
  if (callId) return { name: 'call', callId };
  if (hash === '#trends') return { name: 'trends' };
  if (hash === '#backup') return { name: 'backup' };
  return { name: 'history' };
}

/** The popup's plan editor at full width, in a tab: `popup.html?view=tab#plan=<id>`. */
export function planEditorInTab(planId: string): string {
  return `src/popup/popup.html?view=tab#plan=${encodeURIComponent(planId)}`;
}

/** The plan a popup address opens in the editor, if any. */
export function planIdFromHash(hash: string): string | null {
  return new URLSearchParams(hash.slice(1)).get('plan');
}

/** The companion window of a plan. */
export function companionPage(planId: string): string {
  return `src/companion/companion.html?plan=${encodeURIComponent(planId)}`;
}
