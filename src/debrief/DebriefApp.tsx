import { useEffect, useState } from 'preact/hooks';
import { DataLossNotice } from '../ui/storage-problem';
import { BackupPanel, BackupReminder } from './BackupPanel';
import { CallDebrief } from './CallDebrief';
import { CallHistory } from './CallHistory';
import { Trends } from './Trends';
import { debriefRouteFromHash } from '../ui/pages';

export function DebriefApp() {
  const [route, setRoute] = useState(() => debriefRouteFromHash(location.hash));
  useEffect(() => {
    const onHash = () => {
      setRoute(debriefRouteFromHash(location.hash));
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
