// One gate for plans that arrive from outside (a share code, a file): the whole payload is checked against one
// schema before anything is used, and refusals are phrased for the person who brought it.
import * as v from 'valibot';
import { PlanSchema, type Plan } from './plan';

export const MAX_PLANS_PER_IMPORT = 500;

export type IncomingPlans = { ok: true; plans: Plan[] } | { ok: false; message: string };

export const NEWER_VERSION_MESSAGE =
  'This was made by a newer version of Ridealong. Update Ridealong, then import it again.';

const PlansSchema = v.pipe(v.array(PlanSchema), v.minLength(1), v.maxLength(MAX_PLANS_PER_IMPORT));

/**
 * Checks a parsed payload `{ [versionKey]: version, plans: [...] , ...extra }`. `extra` names the other keys the
 * format allows, so anything unexpected (a `__proto__` key included) is refused.
 */
export function validateIncomingPlans(
  parsed: unknown,
  format: { versionKey: string; version: number; extra?: Record<string, v.GenericSchema>; what: string },
): IncomingPlans {
  const version = (parsed as Record<string, unknown> | null)?.[format.versionKey];
  if (typeof version === 'number' && version > format.version) return { ok: false, message: NEWER_VERSION_MESSAGE };
  const schema = v.strictObject({
    [format.versionKey]: v.literal(format.version),
    plans: PlansSchema,
    ...format.extra,
  });
  const result = v.safeParse(schema, parsed);
  if (!result.success) {
    return {
      ok: false,
      message: `That ${format.what} holds something that is not a valid Ridealong plan, so nothing was imported.`,
    };
  }
  return { ok: true, plans: result.output.plans as Plan[] };
}
