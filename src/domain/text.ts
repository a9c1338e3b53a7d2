// Small text helpers the domain shares: matching that ignores case and accents, and names shortened for messages.

/** Lower case without accents, so "Société" matches a search for "societe". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** At most `max` characters, with an ellipsis when cut: for quoting user text inside a message or a label. */
export function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What went wrong, in the words of the error itself: an Error's message, or the thrown value as text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
