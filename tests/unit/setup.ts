// Installed once for every unit test file: a fresh in-memory IndexedDB, and the extension's storage areas in memory
// (fake-browser.ts), both global the way a browser has them. The storage areas start empty for each test.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { resetFakeBrowser } from './fake-browser';

beforeEach(() => resetFakeBrowser());
