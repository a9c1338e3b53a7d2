// The after-call review of one call, keyed by the call. The debrief issue fills in the rep's self-assessment,
// the outcome and the coaching; the store exists from schema version 1 so that issue needs no migration.
export interface Debrief {
  schemaVersion: 1;
  callId: string;
  updatedAt: number;
}
