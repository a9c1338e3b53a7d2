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
  /** The local copy was changed since: ask before overwriting it. */
  | 'local-changed';

export function importDecision(incoming: Plan, local: Plan | undefined): ImportDecision {
  if (!local) return 'new';
  if (incoming.revision > local.revision) return 'update';
  if (incoming.revision === local.revision && JSON.stringify(incoming) === JSON.stringify(local)) return 'up-to-date';
  return 'local-changed';
}
