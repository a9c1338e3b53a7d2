import { useEffect, useState } from 'preact/hooks';
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

export type Message = { text: string; error: boolean } | null;
export const EMPTY: TeamSyncSettings = { server: '', database: '', user: '', password: '', on: false };

/** Team sync's settings, its last round, and what the buttons do. The actions only run once the settings are read. */
export function useTeamSync() {
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

  const current = settings ?? EMPTY;

  /**
   * Asks for the server's origin, then runs `action`. The request is made first, before any await, because the
   * browser grants it only within the click.
   */
  const withServerAccess = (action: () => Promise<Message>) => {
    const pattern = serverOriginPattern(current.server);
    if (!pattern) {
      setMessage({ text: `“${current.server}” is not a server address. Use https://… .`, error: true });
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
      const result = await testConnection(current, passphrase);
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
      const key = await unlockTeam(couchClient(current), passphrase, { create: true });
      await saveTeamKey(key);
      const on = { ...current, on: true };
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
      const pattern = serverOriginPattern(current.server);
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

  return {
    settings,
    setSettings,
    passphrase,
    setPassphrase,
    status,
    shared,
    message,
    busy,
    test,
    turnOn,
    syncNow,
    turnOff,
  };
}
