// A call's notes are stored in pages of up to NOTES_PER_PAGE notes, not one record per note. IndexedDB costs about the
// same per record whatever its size, up to the point where Chromium moves a large value out into a file of its own
// (values over 64 KB), which costs again. Pages of 100 notes stay well under that. Measured in Chromium: 20,000
// single-note puts took 1.7–2.3 s; the same notes in 200 records 0.08–0.11 s. A multiEntry index over note ids
// would bring one index entry per note back (clear and put of 220 pages: 0.11 s without it, 0.5 s with it), so a
// note is found through its call: the byCall index lists a call's pages.
import type { Note } from '../domain/note';

export const NOTES_PER_PAGE = 100;

export interface NotePage {
  /** `<callId>#<page number>`: a call's pages sort together. */
  id: string;
  callId: string;
  notes: Note[];
}

export function pageId(callId: string, page: number): string {
  return `${callId}#${String(page).padStart(5, '0')}`;
}

/** The order notes were taken in: time, then id. */
export function byTime(a: Note, b: Note): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function pageOf(id: string, callId: string, notes: Note[]): NotePage {
  return { id, callId, notes };
}

/** One call's notes as pages, in the order taken. */
export function pagesOfCall(callId: string, notes: Note[]): NotePage[] {
  const sorted = [...notes].sort(byTime);
  const pages: NotePage[] = [];
  for (let start = 0; start < sorted.length; start += NOTES_PER_PAGE)
    pages.push(pageOf(pageId(callId, pages.length), callId, sorted.slice(start, start + NOTES_PER_PAGE)));
  return pages;
}

/** Records grouped by their call, in one pass (a restore groups tens of thousands of notes). */
export function groupByCall<T extends { callId: string }>(records: T[]): Map<string, T[]> {
  const byCall = new Map<string, T[]>();
  for (const record of records) {
    const list = byCall.get(record.callId);
    if (list) list.push(record);
    else byCall.set(record.callId, [record]);
  }
  return byCall;
}

/** Notes of any calls, grouped into each call's pages. */
export function pagesOfNotes(notes: Note[]): NotePage[] {
  return [...groupByCall(notes)].flatMap(([callId, list]) => pagesOfCall(callId, list));
}

/** Every note of the pages, each call's in the order taken. */
export function notesOf(pages: NotePage[]): Note[] {
  return [...groupByCall(pages).values()].flatMap((callPages) => callPages.flatMap((page) => page.notes).sort(byTime));
}

/**
 * A call's notes with `written` stored in them (a note with the same id replaced), as the pages to put and the page
 * ids to delete: the call's pages are laid out afresh, so they stay full and in order.
 */
export function rewriteCall(
  callId: string,
  pagesHere: NotePage[],
  written: Note[],
): { put: NotePage[]; remove: string[] } {
  const byId = new Map(notesOf(pagesHere).map((note) => [note.id, note]));
  for (const note of written) byId.set(note.id, note);
  const put = pagesOfCall(callId, [...byId.values()]);
  const kept = new Set(put.map((page) => page.id));
  return { put, remove: pagesHere.map((page) => page.id).filter((id) => !kept.has(id)) };
}
