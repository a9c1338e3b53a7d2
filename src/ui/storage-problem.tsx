import { useEffect, useState } from 'preact/hooks';
import { clearDataLoss, loadDataLossAt } from '../platform/device-settings';
import { formatDateTime } from './format';
// What a person sees when Ridealong can't open its data: what happened in plain words, that nothing was changed,
// and what to do: try again, update Ridealong, or restore the last backup. Never a blank page.

/** Plain words for an error from opening or reading the database. */
export function storageProblemText(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'VersionError')
    return (
      'Ridealong’s data was saved by a newer version of Ridealong than this one. Update Ridealong (chrome://extensions, ' +
      'then Update), and reopen this page. Nothing was changed.'
    );
  if (name === 'QuotaExceededError')
    return 'The disk is too full for Ridealong to save. Free some space, then try again. Nothing was lost.';
  if (name === 'InvalidStateError' || name === 'UnknownError')
    return (
      'The browser could not open Ridealong’s data; it may be damaged. Try again. If it keeps failing, restore your ' +
      'last backup.'
    );
  return `Ridealong could not open its data (${String(error)}). Try again. If it keeps failing, restore your last backup.`;
}

/** The message, a way to try again, and the way to the backup page. */
export function StorageProblem(props: { error: unknown; onRetry: () => void; onRestore: () => void }) {
  return (
    <div class="storage-problem" role="alert">
      <p>
        <strong>⚠ Ridealong can’t read its data right now.</strong> {storageProblemText(props.error)}
      </p>
      <button onClick={props.onRetry}>Try again</button>{' '}
      <button onClick={props.onRestore}>Restore from a backup</button>
    </div>
  );
}

/**
 * Shown once the browser has reported Ridealong's database lost: it was damaged and the browser started it afresh.
 * Says so plainly, offers the last backup, and goes away when dismissed.
 */
export function DataLossNotice(props: { onRestore: () => void }) {
  const [lostAt, setLostAt] = useState<number | null>(null);
  useEffect(() => {
    void loadDataLossAt().then(setLostAt);
  }, []);
  if (lostAt === null) return null;
  return (
    <div class="storage-problem" role="alert">
      <p>
        <strong>⚠ The browser reported Ridealong’s data damaged and started it afresh</strong> ({formatDateTime(lostAt)}
        ). Plans, calls and notes from before then are not on this device any more. Restore your last backup to bring
        them back.
      </p>
      <button onClick={props.onRestore}>Restore from a backup</button>{' '}
      <button
        onClick={() => {
          setLostAt(null);
          void clearDataLoss();
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
