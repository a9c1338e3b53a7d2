// A manager's (or rep's) timestamped observation during a call. The notes issue adds tags, the agenda item and
// step-ins; the store and its index exist from schema version 1 so that issue needs no migration.
export interface Note {
  schemaVersion: 1;
  id: string;
  callId: string;
  /** Epoch milliseconds, wall clock. */
  at: number;
  text: string;
}
