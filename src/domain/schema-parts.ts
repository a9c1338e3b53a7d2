// Small validators that every stored shape and message shares, so an id, a timestamp or a name means the same
// everywhere. Bounds carry their own reason as the message, so a refusal says why (see problemOf in schema-issues.ts).
import * as v from 'valibot';

/** Record ids: UUIDs in practice; bounded so a hostile input can't smuggle megabytes in as a key. */
export const IdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/** 2000-01-01T00:00Z: nothing Ridealong stores happened earlier. */
export const MIN_EPOCH_MS = Date.UTC(2000, 0, 1);
/** 2100-01-01T00:00Z: no call is planned later. Dates past it (1e300, 9e15) can't even be formatted. */
export const MAX_EPOCH_MS = Date.UTC(2100, 0, 1);

/** Wall-clock moments as epoch milliseconds, between 2000 and 2100. */
export const EpochMsSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(MIN_EPOCH_MS, 'Must be a time in 2000 or later, and Ridealong never wrote an earlier one'),
  v.maxValue(MAX_EPOCH_MS, 'Must be a time before 2100, and no real call is that far ahead'),
);

/** A span between two such moments, e.g. a note's offset from the call's start. */
export const DurationMsSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(0),
  v.maxValue(MAX_EPOCH_MS - MIN_EPOCH_MS, 'Must be a span shorter than a hundred years'),
);

/**
 * Every save of a plan bumps its revision. A plan saved once a second for thirty years stays under a billion, and a
 * revision far past what any real edit reaches would pin the plan: every later real update would be refused as older.
 */
export const MAX_REVISION = 1_000_000_000;
export const RevisionSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(1),
  v.maxValue(MAX_REVISION, 'Must be at most 1000000000, more saves than any real plan has had'),
);

/**
 * Characters that change how text around them is shown but are invisible themselves: bidi embeddings, overrides and
 * isolates (U+202A–202E, U+2066–2069), direction marks (U+200E, U+200F, U+061C), and zero-width ones (U+200B, U+2060,
 * U+FEFF, U+180E). "Acme \u202Egnicirp\u202C renewal" reads "Acme pricing renewal" reversed; stored as it came, what a
 * person reads would not be what is stored.
 */
const INVISIBLE_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF\u180E]/g;
/**
 * Zero-width joiners (U+200C, U+200D) are part of real text between letters (Persian, Indic scripts) and of emoji
 * sequences (👩‍💻); anywhere else they only hide something, so they go.
 */
const STRAY_JOINER =
  /(?<![\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])[\u200C\u200D]|[\u200C\u200D](?![\p{L}\p{M}\p{Extended_Pictographic}])/gu;

/** Text as a person reads it: bidi controls and stray zero-width characters removed. */
export function withoutInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, '').replace(STRAY_JOINER, '');
}

/**
 * A name or title, at most `max` characters as it came. Invisible controls are stripped, so what a person reads in
 * a list is what is stored, whatever a file or code carried.
 */
export const nameText = (max: number) => v.pipe(v.string(), v.maxLength(max), v.transform(withoutInvisibleControls));
