import { useEffect, useState } from 'preact/hooks';
import { storageProblemText } from '../ui/storage-problem';
import {
  backupFileName,
  backupContentsSummary,
  backupOf,
  backupReminderDue,
  backupText,
  MAX_BACKUP_BYTES,
  parseBackup,
  restoreSummary,
  type Backup,
  type RestoreMode,
} from '../domain/backup';
import { countOf } from '../domain/counts';
import { loadLastBackupAt, saveLastBackupAt } from '../platform/device-settings';
import { oldestDebriefAt, readEverything, replaceUnreadableWithBackup, restoreBackup } from '../storage/backup';
import { openDatabase } from '../storage/database';
import { downloadFile, JsonFileInput, readFileText } from '../ui/files';
import { formatDateTime } from '../ui/format';

type Message = { kind: 'done' | 'error'; text: string } | null;

/** "Back up everything" and "Restore": one file holds every plan, call, note and debrief on this device. */
export function BackupPanel() {
  const [lastBackupAt, setLastBackupAt] = useState<number | null | undefined>(undefined);
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [picked, setPicked] = useState<{ name: string; backup: Backup } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  /** Set when the data on this device can't be opened: a restore must then replace it, and the person is asked. */
  const [unreadable, setUnreadable] = useState<unknown>(null);

  useEffect(() => {
    void loadLastBackupAt().then(setLastBackupAt);
  }, []);

  /** Runs one action with the buttons held, and says how it went: its own words, or why nothing was done. */
  const run = async (action: () => Promise<string>, failed: string) => {
    setBusy(true);
    try {
      setMessage({ kind: 'done', text: await action() });
    } catch (error) {
      setMessage({ kind: 'error', text: `${failed} ${storageProblemText(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const backUp = () =>
    run(async () => {
      const now = Date.now();
      const backup = backupOf(await readEverything(), now);
      downloadFile(backupFileName(now), 'application/json', backupText(backup));
      await saveLastBackupAt(now);
      setLastBackupAt(now);
      const count = backup.plans.length + backup.calls.length + backup.notes.length + backup.debriefs.length;
      return `Backed up ${countOf(count, 'record')} to ${backupFileName(now)}.`;
    }, 'The backup could not be written.');

  const pick = async (file: File) => {
    setPicked(null);
    // parseBackup refuses by size first, so a file too large is never read: it gets '' and the size.
    const parsed = parseBackup((await readFileText(file, MAX_BACKUP_BYTES)) ?? '', file.size);
    if (!parsed.ok) {
      setMessage({ kind: 'error', text: parsed.message });
      return;
    }
    setMessage(null);
    setPicked({ name: file.name, backup: parsed.backup });
  };

  const restore = async () => {
    if (!picked) return;
    try {
      await openDatabase();
    } catch (error) {
      // Nothing here can be merged with; the person decides whether to replace what can't be read.
      setUnreadable(error);
      return;
    }
    await run(async () => {
      const counts = await restoreBackup(picked.backup, mode);
      setPicked(null);
      return restoreSummary(counts, mode);
    }, 'Nothing was restored.');
  };

  const replaceUnreadable = () =>
    run(async () => {
      if (!picked) return 'Nothing was picked to restore.';
      const counts = await replaceUnreadableWithBackup(picked.backup);
      setPicked(null);
      setUnreadable(null);
      return restoreSummary({ ...counts, removed: 0 }, 'replace');
    }, 'Nothing was restored.');

  return (
    <section class="backup" aria-labelledby="backup-title">
      <h1 id="backup-title">Backup and restore</h1>
      <p>
        Your plans, calls, notes and debriefs live only in this browser. A backup file keeps them safe if the browser is
        reset or the laptop is lost. Keep it somewhere private: it holds everything you wrote.
      </p>
      <p class="muted">{lastBackupText(lastBackupAt)}</p>
      <button class="primary" onClick={() => void backUp()} disabled={busy}>
        Back up everything
      </button>

      <h2>Restore from a backup file</h2>
      <label class="file-pick">
        Backup file
        <JsonFileInput onFile={(file) => void pick(file)} />
      </label>
      {picked && (
        <RestoreChoice
          picked={picked}
          mode={mode}
          onMode={setMode}
          busy={busy}
          onRestore={() => void restore()}
          onCancel={() => setPicked(null)}
        />
      )}
      {picked && unreadable !== null && (
        <ReplaceUnreadable
          error={unreadable}
          busy={busy}
          onReplace={() => void replaceUnreadable()}
          onCancel={() => setUnreadable(null)}
        />
      )}
      {message && (
        <p class={message.kind === 'error' ? 'error' : 'done'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.kind === 'error' ? '⚠ ' : '✓ '}
          {message.text}
        </p>
      )}
    </section>
  );
}

/** When this device last made a backup, in words; `undefined` while that is still being read. */
function lastBackupText(at: number | null | undefined): string {
  if (at === undefined) return 'Checking…';
  return at === null ? 'No backup made on this device yet.' : `Last backup: ${formatDateTime(at)}.`;
}

/** The backup file picked: what it holds, and how to restore it (merge or replace). */
function RestoreChoice(props: {
  picked: { name: string; backup: Backup };
  mode: RestoreMode;
  onMode: (mode: RestoreMode) => void;
  busy: boolean;
  onRestore: () => void;
  onCancel: () => void;
}) {
  const { picked, mode, busy } = props;
  return (
    <div class="restore-choice" role="group" aria-label={`Restore ${picked.name}`}>
      <p>
        {picked.name}: {backupContentsSummary(picked.backup)}, made {formatDateTime(picked.backup.exportedAt)}.
      </p>
      <fieldset>
        <legend>How to restore</legend>
        <label>
          <input type="radio" name="restore-mode" checked={mode === 'merge'} onChange={() => props.onMode('merge')} />
          Merge: keep what is here, add what the backup has, keep the newer copy of each record
        </label>
        <label>
          <input
            type="radio"
            name="restore-mode"
            checked={mode === 'replace'}
            onChange={() => props.onMode('replace')}
          />
          Replace: delete everything here first, so this device holds exactly the backup
        </label>
      </fieldset>
      <button class="primary" onClick={props.onRestore} disabled={busy}>
        {mode === 'replace' ? 'Replace everything with this backup' : 'Merge this backup'}
      </button>
      <button onClick={props.onCancel} disabled={busy}>
        Cancel
      </button>
    </div>
  );
}

/** The data here can't be opened: the person decides whether to delete it and restore the backup instead. */
function ReplaceUnreadable(props: { error: unknown; busy: boolean; onReplace: () => void; onCancel: () => void }) {
  return (
    <div class="conflict" role="group" aria-label="Replace the data that can’t be read?">
      <p>
        <strong>⚠ The data on this device can’t be opened,</strong> so the backup can’t be merged with it.{' '}
        {storageProblemText(props.error)}
      </p>
      <p>
        To restore this backup, Ridealong first deletes the data it can’t read. That data is then gone for good, so if a
        newer version of Ridealong wrote it, update Ridealong instead.
      </p>
      <button onClick={props.onReplace} disabled={props.busy}>
        Delete the unreadable data and restore this backup
      </button>{' '}
      <button onClick={props.onCancel} disabled={props.busy}>
        Cancel
      </button>
    </div>
  );
}

/** A gentle line on the history page when there are debriefs and no recent backup. */
export function BackupReminder() {
  const [due, setDue] = useState(false);
  useEffect(() => {
    void (async () => {
      const [last, oldest] = await Promise.all([loadLastBackupAt(), oldestDebriefAt()]);
      setDue(backupReminderDue(last, oldest, Date.now()));
    })().catch(() => undefined);
  }, []);
  if (!due) return null;
  return (
    <p class="reminder no-print" role="note">
      It has been a while since your debriefs were backed up. <a href="#backup">Back up everything</a> — it takes one
      click and stays on your machine.
    </p>
  );
}
