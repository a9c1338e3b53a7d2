// The change log's row, as every context reads it: what changed (a plan, a call, one note of a call, a call's
// debrief, whose id is the call's), whether it was deleted, and who changed it. storage/commit.ts writes the rows;
// the surfaces and team sync read them.

export const CHANGE_KINDS = ['plan', 'call', 'note', 'debrief'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * Who made a change: this device's person, the call's "still on screen" mark (`presence`: bookkeeping that doesn't
 * call for a sync round of its own), a file or code imported, a backup restored, team sync, the v3 upgrade.
 */
export const CHANGE_ORIGINS = ['local', 'presence', 'import', 'restore', 'sync', 'migration'] as const;
export type ChangeOrigin = (typeof CHANGE_ORIGINS)[number];

/** One row of the change log. `callId` is the note's call, for notes. */
export interface ChangeRow {
  seq: number;
  kind: ChangeKind;
  id: string;
  callId?: string;
  deleted: boolean;
  origin: ChangeOrigin;
  at: number;
}

/** Whether a commit's rows call for a team sync round soon: anything but sync's own merges and presence marks. */
export function callsForSync(changes: readonly ChangeRow[]): boolean {
  return changes.some((change) => change.origin !== 'sync' && change.origin !== 'presence');
}
