// A page that wrote something tells the worker: team sync follows once writes settle (a no-op with sync off).
import { requestFromServiceWorker } from './request';

export function teamSyncSoon(): void {
  void requestFromServiceWorker({ type: 'sync/soon' }).catch(() => undefined);
}
