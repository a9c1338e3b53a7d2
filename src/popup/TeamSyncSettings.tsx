import { useEffect, useState } from 'preact/hooks';
import { countOf } from '../domain/counts';
import { errorText } from '../domain/text';
import { browser } from '../platform/browser';
import { requestFromServiceWorker } from '../platform/request';
import {
  forgetTeamSync,
  loadSyncStatus,
  loadTeamSync,
  saveTeamSync,
  serverOriginPattern,
  type SyncStatus,
  type TeamSyncSettings,
} from '../platform/team-sync-settings';
import { listPlansBySchedule } from '../storage/plans';
import { forgetTeamKey, saveTeamKey } from '../storage/team-key';
import { couchClient } from '../sync/couch';
import { SyncProblem } from '../sync/problem';
import { testConnection, unlockTeam } from '../sync/team';
import { formatDateTime } from '../ui/format';

type Message = { text: string; error: boolean } | null;
const EMPTY: TeamSyncSettings = { server: '', database: '', user: '', password: '', on: false };

/**
 * Settings → Team sync: the team's own CouchDB, opt-in. The host permission for exactly the server's origin is asked
 * for in the click that needs it, and nothing else. The passphrase turns into the team key here and is not stored.
 */
export function TeamSyncSettings() {
  const [settings, setSettings] = useState<TeamSyncSettings | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [shared, setShared] = useState<number | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadTeamSync().then((stored) => setSettings(stored ?? EMPTY));
    void loadSyncStatus().then(setStatus);
    void listPlansBySchedule().then(
      (plans) => setShared(plans.filter((plan) => plan.team === true).length),
      () => setShared(null),
    );
  }, []);

  if (!settings) return null;
  const field = (name: 'server' | 'database' | 'user' | 'password') => ({
    value: settings[name],
    onInput: (event: { currentTarget: HTMLInputElement }) =>
      setSettings({ ...settings, [name]: event.currentTarget.value }),
  });

  /**
   * Asks for the server's origin, then runs `action`. The request is made first, before any await, because the
   * browser grants it only within the click.
   */
  const withServerAccess = (action: () => Promise<Message>) => {
    const pattern = serverOriginPattern(settings.server);
    if (!pattern) {
      setMessage({ text: `“${settings.server}” is not a server address. Use https://… .`, error: true });
      return;
    }
    const granted = browser.permissions.request({ origins: [pattern] });
    setBusy(true);
    setMessage(null);
    void granted
      .then((yes) =>
        yes
          ? action()
          : { text: 'Ridealong needs your permission to reach that server, and only that one.', error: true },
      )
      .catch((error: unknown) => ({
        text: error instanceof SyncProblem ? error.message : errorText(error),
        error: true,
      }))
      .then((said) => {
        setMessage(said);
        setBusy(false);
      });
  };

  const test = () =>
    withServerAccess(async () => {
      const result = await testConnection(settings, passphrase);
      if (!result.ok) return { text: result.problem.message, error: true };
      return {
        text: result.teamExists
          ? 'Connected: the server answers, your user name and password work, the database is there, and the passphrase opens your team’s data.'
          : 'Connected: the server answers, your user name and password work, and the database is there. Nobody has synced yet: turning sync on makes this passphrase your team’s.',
        error: false,
      };
    });

  const turnOn = () =>
    withServerAccess(async () => {
      const key = await unlockTeam(couchClient(settings), passphrase, { create: true });
      await saveTeamKey(key);
      const on = { ...settings, on: true };
      await saveTeamSync(on);
      setSettings(on);
      setPassphrase('');
      const round = await requestFromServiceWorker({ type: 'sync/now' });
      setStatus(round);
      return { text: 'Team sync is on.', error: false };
    });

  const syncNow = () => {
    setBusy(true);
    void requestFromServiceWorker({ type: 'sync/now' })
      .then(setStatus, (error: unknown) => setMessage({ text: errorText(error), error: true }))
      .finally(() => setBusy(false));
  };

  const turnOff = async () => {
    setBusy(true);
    try {
      const pattern = serverOriginPattern(settings.server);
      await forgetTeamKey();
      await forgetTeamSync();
      if (pattern) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
      await requestFromServiceWorker({ type: 'sync/now' });
      setSettings(EMPTY);
      setStatus(null);
      setMessage({ text: 'Team sync is off. Everything stays on this device; nothing was deleted.', error: false });
    } catch (error) {
      setMessage({ text: errorText(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="team-sync" aria-labelledby="team-sync-title">
      <h2 id="team-sync-title">Team sync</h2>
      {settings.on ? (
        <>
          <p>
            On, with <strong>{settings.database}</strong> at {settings.server}
            {settings.user ? ` as ${settings.user}` : ''}. The server holds only encrypted data.
          </p>
          {shared !== null && (
            <p class="muted">
              {countOf(shared, 'plan')} shared with your team, with their calls, notes and debriefs. Mark a plan with
              “Share with my team” in its editor.
            </p>
          )}
          <SyncStatusLine status={status} />
          <div class="form-actions">
            <button type="button" onClick={syncNow} disabled={busy}>
              Sync now
            </button>
            <button type="button" onClick={() => void turnOff()} disabled={busy}>
              Turn off team sync
            </button>
          </div>
        </>
      ) : (
        <form
          class="plan-form"
          onSubmit={(event) => {
            event.preventDefault();
            turnOn();
          }}
        >
          <p class="muted">
            Share the plans you mark, with their calls, notes and debriefs, through your team’s own CouchDB. Encrypted
            on this device with the team passphrase: the server never sees the words. Off until you turn it on.
          </p>
          <label>
            Server address
            <input type="url" placeholder="https://couch.example.com" required {...field('server')} />
          </label>
          <label>
            Team database
            <input required {...field('database')} />
          </label>
          <label>
            User name
            <input autocomplete="username" {...field('user')} />
          </label>
          <label>
            Password
            <input type="password" autocomplete="current-password" {...field('password')} />
          </label>
          <label>
            Team passphrase
            <input
              type="password"
              autocomplete="off"
              required
              value={passphrase}
              onInput={(event) => setPassphrase(event.currentTarget.value)}
            />
          </label>
          <div class="form-actions">
            <button type="button" onClick={test} disabled={busy}>
              Test connection
            </button>
            <button type="submit" class="primary" disabled={busy}>
              Turn on team sync
            </button>
          </div>
        </form>
      )}
      {busy && <p class="muted">Working…</p>}
      {message && (
        <p class={message.error ? 'error' : 'status'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

/** How the last round went: when, what moved, and the server documents that were skipped, with why. */
function SyncStatusLine({ status }: { status: SyncStatus | null }) {
  if (!status) return <p class="muted">Not synced yet.</p>;
  return (
    <div class={status.ok ? 'status' : 'error'} role={status.ok ? 'status' : 'alert'}>
      <p>
        {status.ok ? '✓' : '⚠'} {formatDateTime(status.at)}: {status.message}
      </p>
      {status.skipped.length > 0 && (
        <ul>
          {status.skipped.map((skip) => (
            <li key={skip.id}>
              {skip.id}: {skip.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
