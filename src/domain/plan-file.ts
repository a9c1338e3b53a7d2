// `.ridealong.json` files: one or many plans, for backup or for sharing by email when a code is too long.
import { validateIncomingPlans, type IncomingPlans } from './incoming-plans';
import type { Plan } from './plan';
import * as v from 'valibot';
import { isoDay } from './dates';

export const PLAN_FILE_FORMAT = 'ridealong-plans';
export const PLAN_FILE_VERSION = 1;
export const MAX_PLAN_FILE_BYTES = 1024 * 1024;
export const PLAN_FILE_EXTENSION = '.ridealong.json';

export function planFileText(plans: Plan[], now: number): string {
  return `${JSON.stringify({ format: PLAN_FILE_FORMAT, version: PLAN_FILE_VERSION, exportedAt: now, plans }, null, 2)}\n`;
}

/** A file name like `ridealong-plans-2026-11-24.ridealong.json`. */
export function planFileName(now: number): string {
  return `ridealong-plans-${isoDay(now)}${PLAN_FILE_EXTENSION}`;
}

/** Reads a file's text; `byteLength` is the file's size, checked before the text is even parsed. */
export function parsePlanFile(text: string, byteLength: number): IncomingPlans {
  if (byteLength > MAX_PLAN_FILE_BYTES) {
    return { ok: false, message: 'That file is larger than 1 MB, which no plan file needs. Nothing was imported.' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'That file is not a Ridealong plan file (it isn’t JSON). Nothing was imported.' };
  }
  if ((parsed as { format?: unknown } | null)?.format !== PLAN_FILE_FORMAT) {
    return { ok: false, message: 'That file is not a Ridealong plan file. Nothing was imported.' };
  }
  return validateIncomingPlans(parsed, {
    versionKey: 'version',
    version: PLAN_FILE_VERSION,
    extra: { format: v.literal(PLAN_FILE_FORMAT), exportedAt: v.pipe(v.number(), v.integer(), v.minValue(0)) },
    what: 'file',
  });
}
