// What importing a shared plan does to the local copy. Plans keep their id across browsers, and every save bumps the
// revision, so comparing revisions tells whether the incoming copy is newer, the same, or behind a local edit.
import type { Plan } from './plan';

export type ImportDecision =
  /** Not here yet: store it. */
  | 'new'
  /** The shared copy is newer: replace the local one. */
  | 'update'
  /** Same revision, same content: nothing to do. */
  | 'up-to-date'
  /** The incoming copy is one this browser already had or has passed: nothing new, nothing to ask. */
  | 'older'
  /** The local copy was changed since: ask before overwriting it. */
  | 'local-changed';

export function importDecision(incoming: Plan, local: Plan | undefined): ImportDecision {
  if (!local) return 'new';
  if (incoming.revision === local.revision && sameContent(incoming, local)) return 'up-to-date';
  // `syncedRevision` is the revision both browsers last had in common (shared from here, or imported here).
  // Edited here since then, both sides changed, so a newer copy still asks first.
  const synced = local.syncedRevision;
  const editedHereSinceSync = synced !== undefined && local.revision !== synced;
  if (incoming.revision > local.revision) return editedHereSinceSync ? 'local-changed' : 'update';
  // Behind the local copy, and no newer than what was last exchanged: an old code, with nothing the other side added.
  if (incoming.revision < local.revision && (synced === undefined || incoming.revision <= synced)) return 'older';
  return 'local-changed';
}

/** Equal plans, leaving out which revision each browser last imported: that is bookkeeping, not content. */
function sameContent(a: Plan, b: Plan): boolean {
  const { syncedRevision: _a, ...contentA } = a;
  const { syncedRevision: _b, ...contentB } = b;
  return JSON.stringify(contentA) === JSON.stringify(contentB);
}
