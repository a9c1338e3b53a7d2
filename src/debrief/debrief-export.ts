// The debrief's files: the notes package for the partner's device, and the Markdown and JSON copies of the debrief.
import type { Call } from '../domain/call';
import type { Debrief } from '../domain/debrief';
import { debriefFileStem, debriefMarkdown } from '../domain/markdown';
import type { Note } from '../domain/note';
import { notesPackage } from '../domain/notes-package';
import { buildTimeline } from '../domain/timeline';
import { downloadFile } from '../ui/files';
import { formatDateTime } from '../ui/format';

/** This device's notes and debrief as a file, for the partner to import ("Export my notes"). */
export function downloadNotesPackage(call: Call, notes: Note[], debrief: Debrief): void {
  downloadFile(
    `${debriefFileStem(call)}-notes-${call.role}.json`,
    'application/json',
    JSON.stringify(notesPackage(call, notes, debrief, Date.now())),
  );
}

/** The debrief as Markdown, with the call's timeline and its notes. */
export function downloadDebriefMarkdown(call: Call, notes: Note[], debrief: Debrief): void {
  downloadFile(
    `${debriefFileStem(call)}.md`,
    'text/markdown',
    debriefMarkdown(call, notes, debrief, buildTimeline(call, notes, Date.now()), { formatDate: formatDateTime }),
  );
}

/** The call, its notes and its debrief as they are stored. */
export function downloadDebriefJson(call: Call, notes: Note[], debrief: Debrief): void {
  downloadFile(`${debriefFileStem(call)}.json`, 'application/json', JSON.stringify({ call, notes, debrief }, null, 2));
}
