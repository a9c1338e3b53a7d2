// The extension's storage areas, in memory, installed once for every unit test file as `browser` and `chrome`, the
// way an extension page has them: webextension-polyfill then hands src/platform/browser.ts this object itself.
// Values are copied in and out (structuredClone), as the browser serialises them. Each test starts with both areas
// empty (see setup.ts). A test that needs another API (tabs, scripting) adds it to `fakeBrowser` in its own file.

type Keys = string | string[] | Record<string, unknown> | null | undefined;

export class FakeStorageArea {
  readonly values = new Map<string, unknown>();
  /** Chrome only: who may use this area. Kept so a test can see what the worker asked for. */
  accessLevel = 'TRUSTED_AND_UNTRUSTED_CONTEXTS';

  async get(keys?: Keys): Promise<Record<string, unknown>> {
    const wanted: [string, unknown][] =
      keys === null || keys === undefined
        ? [...this.values.keys()].map((key) => [key, undefined])
        : typeof keys === 'string'
          ? [[keys, undefined]]
          : Array.isArray(keys)
            ? keys.map((key) => [key, undefined])
            : Object.entries(keys);
    return Object.fromEntries(
      wanted.flatMap(([key, fallback]) =>
        this.values.has(key)
          ? [[key, structuredClone(this.values.get(key))]]
          : fallback === undefined
            ? []
            : [[key, fallback]],
      ),
    );
  }

  async set(items: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(items)) this.values.set(key, structuredClone(value));
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of typeof keys === 'string' ? [keys] : keys) this.values.delete(key);
  }

  async clear(): Promise<void> {
    this.values.clear();
  }

  async setAccessLevel({ accessLevel }: { accessLevel: string }): Promise<void> {
    this.accessLevel = accessLevel;
  }
}

export const fakeBrowser: {
  runtime: { id: string };
  storage: { local: FakeStorageArea; session: FakeStorageArea };
  [api: string]: unknown;
} = {
  runtime: { id: 'ridealong-unit-tests' },
  storage: { local: new FakeStorageArea(), session: new FakeStorageArea() },
};

Object.assign(globalThis, { browser: fakeBrowser, chrome: fakeBrowser });

export function resetFakeBrowser(): void {
  for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.session]) {
    area.values.clear();
    area.accessLevel = 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
  }
}
