import { useEffect, useState } from 'preact/hooks';
import { DataLossNotice } from '../ui/storage-problem';
import { BackupPanel, BackupReminder } from './BackupPanel';
import { CallDebrief } from './CallDebrief';
import { CallHistory } from './CallHistory';
import { Trends } from './Trends';

type Route = { name: 'history' } | { name: 'call'; callId: string } | { name: 'trends' } | { name: 'backup' };

/** `#call=<id>` opens one call's debrief, `#trends` the trends, `#backup` backup and restore; anything else is the history. */
function routeFromHash(hash: string): Route {
  const params = new URLSearchParams(hash.slice(1));
  const callId = params.get('call');
  if (callId) return { name: 'call', callId };
  if (hash === '#trends') return { name: 'trends' };
  if (hash === '#backup') return { name: 'backup' };
  return { name: 'history' };
}

export function DebriefApp() {
  const [route, setRoute] = useState(() => routeFromHash(location.hash));
  useEffect(() => {
    const onHash = () => {
      setRoute(routeFromHash(location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <main class="history">
      {route.name !== 'call' && (
        <nav class="tabs no-print" aria-label="Debrief pages">
          <a href="#" aria-current={route.name === 'history' ? 'page' : undefined}>
            Call history
          </a>
          <a href="#trends" aria-current={route.name === 'trends' ? 'page' : undefined}>
            Trends
          </a>
          <a href="#backup" aria-current={route.name === 'backup' ? 'page' : undefined}>
            Backup
          </a>
        </nav>
      )}
      {route.name === 'history' && (
        <>
          <h1>Call history</h1>
          <DataLossNotice
            onRestore={() => {
              location.hash = '#backup';
            }}
          />
          <BackupReminder />
          <CallHistory />
        </>
      )}
      {route.name === 'trends' && <Trends />}
      {route.name === 'backup' && <BackupPanel />}
      {route.name === 'call' && <CallDebrief key={route.callId} callId={route.callId} />}
    </main>
  );
}
