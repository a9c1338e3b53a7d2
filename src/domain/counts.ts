// Counts in words: "1 call", "2 calls". Every message built with a count goes through here, so none says "1 calls".

/** `count` followed by the noun in the form that count takes in English: `countOf(1, 'call')` is "1 call". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** A list of counts, each in its own form: "1 plan, 2 calls, 0 notes". */
export function countsOf(counts: [number, string, string?][]): string {
  return counts.map(([count, singular, plural]) => countOf(count, singular, plural)).join(', ');
}
