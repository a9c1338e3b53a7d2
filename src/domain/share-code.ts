// Share codes carry plans between the rep's and the manager's browsers with no server: one line of text to paste
// into chat or email. `RA1.` + base64url(deflate-raw(JSON)), packed by compact-code.ts.
//
// Decoding treats the code as hostile: size caps before and after decompression, one schema over the whole payload
// before anything is used, and refusals phrased for the person who pasted it.
import { packCode, unpackCode } from './compact-code';
import { NEWER_VERSION_MESSAGE, validateIncomingPlans, type IncomingPlans } from './incoming-plans';
import type { Plan } from './plan';

export const SHARE_CODE_PREFIX = 'RA1.';
export const SHARE_CODE_VERSION = 1;
export const MAX_SHARE_CODE_CHARS = 1024 * 1024;
export const MAX_DECOMPRESSED_BYTES = 5 * 1024 * 1024;
const SHARE_FORMAT = { versionKey: 'v', version: SHARE_CODE_VERSION, what: 'share code' };

export async function encodeShareCode(plans: Plan[]): Promise<string> {
  const checked = validateIncomingPlans({ v: SHARE_CODE_VERSION, plans }, SHARE_FORMAT);
  if (!checked.ok) throw new Error(checked.message);
  return packCode(SHARE_CODE_PREFIX, JSON.stringify({ v: SHARE_CODE_VERSION, plans: checked.plans }));
}

export async function decodeShareCode(text: string): Promise<IncomingPlans> {
  const code = text.trim();
  if (code === '') return refuse('Paste a Ridealong share code first.');
  if (code.length > MAX_SHARE_CODE_CHARS) return refuse('That is too long to be a Ridealong share code.');
  const version = /^RA(\d+)\./.exec(code);
  if (!version) return refuse('That is not a Ridealong share code. Codes start with “RA1.”.');
  if (Number(version[1]) > SHARE_CODE_VERSION) {
    return refuse(NEWER_VERSION_MESSAGE);
  }
  const unpacked = await unpackCode(code.slice(SHARE_CODE_PREFIX.length), MAX_DECOMPRESSED_BYTES);
  if (!unpacked.ok && unpacked.reason === 'too-big')
    return refuse('That share code unpacks to more than 5 MB, which no plan needs. It was not imported.');
  if (!unpacked.ok) return refuse(INCOMPLETE);

  let parsed: unknown;
  try {
    parsed = JSON.parse(unpacked.json);
  } catch {
    return refuse(INCOMPLETE);
  }
  return validateIncomingPlans(parsed, SHARE_FORMAT);
}

const INCOMPLETE = 'That share code is damaged or incomplete. Copy the whole line again, from “RA1.” to the end.';

function refuse(message: string): IncomingPlans {
  return { ok: false, message };
}
