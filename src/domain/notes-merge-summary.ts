// What a merge of a partner's notes package did, in words for the person who imported it.
import { debriefStatus, type Debrief } from './debrief';
import { countOf } from './counts';
import type { MergeResult } from './notes-package';
import type { Role } from './call';

/**
 * The message after a merge. The debrief is mentioned only when the partner filled in a debrief field: an empty
 * debrief that came along (the partner opened the page, say) changes nothing a person would notice.
 */
export function notesMergeSummary(
  result: Pick<MergeResult, 'newNotes' | 'addedTransitions' | 'debriefChanged' | 'copiedNotes' | 'skippedNotes'>,
  partnerRole: Role,
  partnerDebrief: Debrief | null,
): string {
  const copied =
    result.copiedNotes === 1
      ? ' 1 of those notes carried the id of a note on another call here, so it was stored as a copy and that call keeps its own.'
      : result.copiedNotes > 1
        ? ` ${result.copiedNotes} of those notes carried the id of a note on another call here, so they were stored as copies and that call keeps its own.`
        : '';
  const skipped =
    result.skippedNotes === 1
      ? ' 1 note was left out: its id belongs to a note of another call here, which stays as it is.'
      : result.skippedNotes > 1
        ? ` ${result.skippedNotes} notes were left out: their ids belong to notes of other calls here, which stay as they are.`
        : '';
  const partnerFilled = debriefStatus(partnerDebrief) !== 'not-started';
  const debriefMerged = result.debriefChanged && partnerFilled;
  if (result.newNotes.length === 0 && result.addedTransitions === 0 && !debriefMerged)
    return `Already merged: nothing new in that package.${skipped}`;
  return `Merged ${countOf(result.newNotes.length, 'note')} and ${countOf(result.addedTransitions, 'transition')} from the ${partnerRole}${
    debriefMerged ? ', and the debrief fields they filled in' : ''
  }.${copied}${skipped}`;
}
