// Small validators that every stored shape and message shares, so an id or a timestamp means the same everywhere.
import * as v from 'valibot';

/** Record ids: UUIDs in practice; bounded so a hostile input can't smuggle megabytes in as a key. */
export const IdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/** Wall-clock moments as epoch milliseconds. */
export const EpochMsSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
