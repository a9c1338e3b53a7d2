import { useEffect, useRef, useState } from 'preact/hooks';
import type { Role } from '../domain/call';
import {
  isMeetingDismissed,
  loadAutoStart,
  loadDefaultRole,
  saveAutoStart,
  saveDefaultRole,
  setMeetingDismissed,
} from '../platform/device-settings';

/** What this device remembers for the plan chooser, as read when the overlay opened. */
export interface SavedSettings {
  role: Role;
  autoStart: boolean;
  dismissed: boolean;
}

/**
 * The plan chooser's settings on this device: the person's usual role, whether a linked plan's call starts by itself,
 * and "Not now" for this meeting. `saved` is null until they are read.
 */
export function useOverlaySettings(key: string) {
  const [saved, setSaved] = useState<SavedSettings | null>(null);
  const [role, setRole] = useState<Role>('rep');
  /** Set once the person picks a role here: the saved default, read a moment later, must not undo that choice. */
  const rolePicked = useRef(false);
  const [autoStart, setAutoStart] = useState(false);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    void (async () => {
      const [savedRole, auto, wasDismissed] = await Promise.all([
        loadDefaultRole(),
        loadAutoStart(),
        isMeetingDismissed(key),
      ]);
      if (!rolePicked.current) setRole(savedRole);
      setAutoStart(auto);
      setDismissed(wasDismissed);
      setSaved({ role: savedRole, autoStart: auto, dismissed: wasDismissed });
    })();
  }, [key]);

  return {
    saved,
    role,
    chooseRole: (next: Role) => {
      rolePicked.current = true;
      setRole(next);
      void saveDefaultRole(next);
    },
    autoStart,
    chooseAutoStart: (on: boolean) => {
      setAutoStart(on);
      void saveAutoStart(on);
    },
    dismissed,
    dismiss: (next: boolean) => {
      setDismissed(next);
      void setMeetingDismissed(key, next, Date.now());
    },
  };
}
