// `.ridealong.json` files: one or many plans, for backup or for sharing by email when a code is too long.
import { validateIncomingPlans, type IncomingPlans } from './incoming-plans';
import type { Plan } from './plan';
import * as v from 'valibot';
import { isoDay } from './dates';
import { openEnvelope } from './file-envelope';

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
  // A newer version is worded by validateIncomingPlans, as for share codes.
  const opened = openEnvelope(text, byteLength, {
    format: PLAN_FILE_FORMAT,
    version: PLAN_FILE_VERSION,
    maxBytes: MAX_PLAN_FILE_BYTES,
    messages: {
      tooLarge: 'That file is larger than 1 MB, which no plan file needs. Nothing was imported.',
      notJson: 'That file is not a Ridealong plan file (it isn’t JSON). Nothing was imported.',
      notThisFormat: 'That file is not a Ridealong plan file. Nothing was imported.',
    },
  });
  if (!opened.ok) return opened;
  return validateIncomingPlans(opened.parsed, {
    versionKey: 'version',
    version: PLAN_FILE_VERSION,
    extra: { format: v.literal(PLAN_FILE_FORMAT), exportedAt: v.pipe(v.number(), v.integer(), v.minValue(0)) },
    what: 'file',
  });
}
