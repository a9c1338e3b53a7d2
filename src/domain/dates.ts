// Dates for names and labels that must never throw. Stored times are checked to lie between 2000 and 2100
// (schema-parts.ts), but a record stored before that check, or one read back damaged, can hold 1e300 or NaN:
// `new Date(…).toISOString()` then throws a RangeError, and an export would silently do nothing.

/** Whether `epochMs` is a moment a Date can show. */
export function isShowableTime(epochMs: number): boolean {
  return Number.isFinite(epochMs) && Math.abs(epochMs) <= 8.64e15;
}

/** `2026-11-24` (UTC), or `undated` for a time no Date can show. */
export function isoDay(epochMs: number): string {
  return isShowableTime(epochMs) ? new Date(epochMs).toISOString().slice(0, 10) : 'undated';
}

/** `2026-11` (UTC), or `undated`. */
export function isoMonth(epochMs: number): string {
  return isShowableTime(epochMs) ? new Date(epochMs).toISOString().slice(0, 7) : 'undated';
}
