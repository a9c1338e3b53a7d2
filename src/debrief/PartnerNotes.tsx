import { useState } from 'preact/hooks';
import type { Call } from '../domain/call';
import type { Debrief } from '../domain/debrief';
import type { Note } from '../domain/note';
import { notesMergeSummary } from '../domain/notes-merge-summary';
import {
  candidateCalls,
  MAX_PACKAGE_BYTES,
  notesCode,
  notesPackage,
  parseNotesCode,
  parseNotesPackage,
  type ParsedPackage,
} from '../domain/notes-package';
import { planDisplayName } from '../domain/plan';
import { listCallsForPlan } from '../storage/calls';
import { importNotesPackage, NotesMergeRefused } from '../storage/debriefs';
import { useTeamPartnerNotes } from './useTeamPartnerNotes';
import { JsonFileInput, readFileText } from '../ui/files';
import { formatDateTime } from '../ui/format';
import { debriefHash } from '../ui/pages';
import { downloadDebriefJson, downloadDebriefMarkdown, downloadNotesPackage } from './debrief-export';
import type { useDebriefAutosave } from './useDebriefAutosave';

/** The last outcome; `field` ties a refused import to the input it came from. */
export type Message = { text: string; error: boolean; field?: 'file' | 'code' };

export interface Props {
  call: Call;
  notes: Note[];
  value: Debrief;
  merge: ReturnType<typeof useDebriefAutosave>['merge'];
  /** After a merge: the call and its notes are read again. */
  onMerged: () => Promise<void>;
}

/**
 * Share and export: this device's notes to the partner (a file or a code), the partner's notes merged in, and the
 * debrief as Markdown, JSON or paper. A package that may belong to another call asks before it is merged.
 */
export function PartnerNotes(props: Props) {
  const { call, notes, value } = props;
  const exchange = useNotesExchange(props);
  const { message, pendingImport } = exchange;
  const [partnerCode, setPartnerCode] = useState('');

  return (
    <section aria-labelledby="share" class="no-print">
      <h2 id="share">Share and export</h2>
      <div class="actions">
        <button onClick={() => downloadNotesPackage(call, notes, value)}>Export my notes</button>
        <button onClick={() => void exchange.copyNotesCode()}>Copy my notes as a code</button>
        <label class="file">
          Import partner’s notes
          <JsonFileInput
            onFile={(file) => void exchange.importFile(file)}
            problemId={message?.field === 'file' ? 'debrief-message' : undefined}
          />
        </label>
        <button onClick={() => downloadDebriefMarkdown(call, notes, value)}>Download Markdown</button>
        <button onClick={() => downloadDebriefJson(call, notes, value)}>Download JSON</button>
        <button onClick={() => window.print()}>Print</button>
      </div>
      {exchange.myCode && (
        <label class="share-code">
          Your notes code
          <textarea readOnly rows={3} value={exchange.myCode} onFocus={(event) => event.currentTarget.select()} />
        </label>
      )}
      <form
        class="paste-code"
        onSubmit={(event) => {
          event.preventDefault();
          void parseNotesCode(partnerCode).then((parsed) => exchange.importParsed(parsed, 'code'));
        }}
      >
        <label>
          Paste a notes code
          <textarea
            rows={2}
            placeholder="RN1.…"
            value={partnerCode}
            onInput={(event) => setPartnerCode(event.currentTarget.value)}
            aria-invalid={message?.field === 'code' ? true : undefined}
            aria-describedby={message?.field === 'code' ? 'debrief-message' : undefined}
          />
        </label>
        <button type="submit">Import the code</button>
      </form>
      {pendingImport?.ok && (
        <AnotherCall
          pkgCall={pendingImport.pkg.call}
          otherCandidates={exchange.otherCandidates}
          onMerge={() => void exchange.merge(pendingImport)}
          onCancel={exchange.cancelImport}
        />
      )}
      {message && (
        <p id="debrief-message" class={message.error ? 'error' : 'status'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

/** The notes going out as a code, and the partner's coming in: the last message, and the question a package may ask. */
function useNotesExchange(props: Props) {
  const { call } = props;
  const [message, setMessage] = useState<Message | null>(null);
  const [pendingImport, setPendingImport] = useState<ParsedPackage | null>(null);
  /** Other calls on this device the pending package could belong to, most likely first. */
  const [otherCandidates, setOtherCandidates] = useState<Call[]>([]);
  const [myCode, setMyCode] = useState<string | null>(null);
  useTeamPartnerNotes(props, setMessage);

  const importFile = async (file: File) =>
    importParsed(parseNotesPackage((await readFileText(file, MAX_PACKAGE_BYTES)) ?? '', file.size), 'file');

  const importParsed = async (parsed: ParsedPackage, from: 'file' | 'code') => {
    setMessage(null);
    if (!parsed.ok) {
      setMessage({ text: parsed.message, error: true, field: from });
      return;
    }
    // Every call on this device that could be the package's: this one, or another run of the same plan (a call
    // ended and restarted, say). Only a clear single match, this call, merges without asking.
    const sameCall = candidateCalls(parsed.pkg.call, [call]).length > 0;
    const others = candidateCalls(
      parsed.pkg.call,
      (await listCallsForPlan(parsed.pkg.call.planId).catch(() => [])).filter((local) => local.id !== call.id),
    );
    if (!sameCall || others.length > 0) {
      setOtherCandidates(others);
      setPendingImport(parsed);
      return;
    }
    await merge(parsed);
  };

  const copyNotesCode = async () => {
    const code = await notesCode(notesPackage(call, props.notes, props.value, Date.now()));
    if (!code) {
      setMyCode(null);
      setMessage({
        text: 'Your notes are too long for a code to paste in a chat. Use “Export my notes” and send the file.',
        error: true,
      });
      return;
    }
    setMyCode(code);
    try {
      await navigator.clipboard.writeText(code);
      setMessage({ text: 'Notes code copied. Your partner pastes it under “Paste a notes code”.', error: false });
    } catch {
      setMessage({ text: 'Copy the notes code below and send it to your partner.', error: false });
    }
  };

  const merge = async (parsed: ParsedPackage) => {
    if (!parsed.ok) return;
    setPendingImport(null);
    try {
      const result = await props.merge(() => importNotesPackage(call.id, parsed.pkg));
      if (result === 'unsaved') {
        setMessage({
          text: 'Nothing was merged yet: your latest debrief edits are not saved. Save them (Try saving again), then import.',
          error: true,
        });
        return;
      }
      setMessage({ text: notesMergeSummary(result, parsed.pkg.call.role, parsed.pkg.debrief), error: false });
      await props.onMerged();
    } catch (error) {
      setMessage({
        text: error instanceof NotesMergeRefused ? error.message : `Nothing was merged: ${String(error)}`,
        error: true,
      });
    }
  };

  return {
    message,
    pendingImport,
    otherCandidates,
    myCode,
    importFile,
    importParsed,
    copyNotesCode,
    merge,
    cancelImport: () => setPendingImport(null),
  };
}

/** "Another call?": a package that doesn't clearly belong to this call is merged only when the person says so. */
function AnotherCall(props: {
  pkgCall: Call;
  otherCandidates: Call[];
  onMerge: () => void;
  /** Also when the person opens one of the other calls instead. */
  onCancel: () => void;
}) {
  const { otherCandidates } = props;
  return (
    <div class="conflict" role="group" aria-label="Merge a package from another call?">
      <p>
        That package is from “{planDisplayName(props.pkgCall.planSnapshot)}” on{' '}
        {formatDateTime(props.pkgCall.startedAt)},{' '}
        {otherCandidates.length > 0
          ? 'and more than one call on this device could be it. Merge it into this call?'
          : 'which doesn’t look like this call. Merge it anyway?'}
      </p>
      {otherCandidates.length > 0 && (
        <ul aria-label="Other calls it could belong to">
          {otherCandidates.map((other) => (
            <li key={other.id}>
              <a href={debriefHash({ name: 'call', callId: other.id })} onClick={props.onCancel}>
                Open the call of {formatDateTime(other.startedAt)} instead
              </a>
            </li>
          ))}
        </ul>
      )}
      <button onClick={props.onMerge}>{otherCandidates.length > 0 ? 'Merge into this call' : 'Merge anyway'}</button>{' '}
      <button onClick={props.onCancel}>Cancel</button>
    </div>
  );
}
