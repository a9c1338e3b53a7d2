// The one place that imports webextension-polyfill. Chrome 148 and later ship promise-based `browser.*` natively and
// the polyfill gets no further updates, so dropping it later means changing this file only.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
