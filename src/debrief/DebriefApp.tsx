import { useEffect, useState } from 'preact/hooks';
import { CallDebrief } from './CallDebrief';
import { CallHistory } from './CallHistory';
import { Trends } from './Trends';

type Route = { name: 'history' } | { name: 'call'; callId: string } | { name: 'trends' };

/** `#call=<id>` opens one call's debrief, `#trends` the trends; anything else is the history. */
function routeFromHash(hash: string): Route {
  const params = new URLSearchParams(hash.slice(1));
  const callId = params.get('call');
  if (callId) return { name: 'call', callId };
  if (hash === '#trends') return { name: 'trends' };
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
        </nav>
      )}
      {route.name === 'history' && (
        <>
          <h1>Call history</h1>
          <CallHistory />
        </>
      )}
      {route.name === 'trends' && <Trends />}
      {route.name === 'call' && <CallDebrief key={route.callId} callId={route.callId} />}
    </main>
  );
}
