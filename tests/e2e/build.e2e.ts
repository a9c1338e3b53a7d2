// What ships in dist/: exactly the permissions the README lists, one web-accessible page scoped to the meeting
// hosts, and a content script that is one small plain file the page can't fingerprint.
import { type Dirent, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { DIST, PROJECT_ROOT } from '../../scripts/lib/extension-browser.mjs';

const MEETING_HOSTS = [
  'https://meet.google.com/*',
  'https://*.zoom.us/*',
  'https://teams.microsoft.com/*',
  'https://teams.live.com/*',
  'https://teams.cloud.microsoft/*',
];

interface BuiltManifest {
  permissions: string[];
  host_permissions: string[];
  web_accessible_resources: { resources: string[]; matches: string[]; use_dynamic_url: boolean }[];
  content_scripts: { js: string[]; matches: string[]; all_frames?: boolean }[];
  externally_connectable?: unknown;
  content_security_policy?: unknown;
  optional_permissions?: unknown;
  optional_host_permissions?: string[];
  minimum_chrome_version: string;
}

const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as BuiltManifest;

describe('dist/manifest.json', () => {
  it('asks for storage, unlimitedStorage, sidePanel, activeTab, scripting and alarms, and host access to the meeting sites only', () => {
    // None of them shows a warning at install. sidePanel only puts Ridealong's own page beside a tab; activeTab and
    // scripting reach a tab only when the person asks for Ridealong there, instead of a grant to every site; alarms
    // schedules team sync, which is off until turned on.
    expect(manifest.permissions.sort()).toEqual([
      'activeTab',
      'alarms',
      'scripting',
      'sidePanel',
      'storage',
      'unlimitedStorage',
    ]);
    expect(JSON.stringify([manifest.permissions, manifest.host_permissions, manifest.content_scripts])).not.toMatch(
      /<all_urls>|\*:\/\/\*\/|https?:\/\/\*\//,
    );
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.host_permissions.sort()).toEqual([...MEETING_HOSTS].sort());
    expect(manifest.externally_connectable).toBeUndefined();
    // Asked for later only by team sync, for exactly the team's server, in the click that turns it on.
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    expect(manifest.content_security_policy).toBeUndefined();
    expect(Number(manifest.minimum_chrome_version)).toBeGreaterThanOrEqual(120);
  });

  it('makes only the overlay page web-accessible, through a dynamic URL no page can probe', () => {
    // On every site, since Ridealong can be asked onto any tab; the per-session URL keeps pages from finding it.
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['src/overlay/overlay.html'], matches: ['<all_urls>'], use_dynamic_url: true },
    ]);
  });

  it('runs one content script, in the top frame of the meeting hosts', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    expect(manifest.content_scripts[0]!.matches.sort()).toEqual([...MEETING_HOSTS].sort());
    expect(manifest.content_scripts[0]!.all_frames).toBeFalsy();
    expect(manifest.content_scripts[0]!.js).toHaveLength(1);
  });
});

describe('the content script', () => {
  const code = readFileSync(join(DIST, manifest.content_scripts[0]!.js[0]!), 'utf8');

  it('is one plain script: no imports, no loader, no Preact, no storage', () => {
    expect(code).not.toMatch(/\bimport\s*[({'"]|\bimport\s+\w|\bexport\s/);
    expect(code).not.toContain('indexedDB');
    expect(code).not.toContain('chrome.storage');
    expect(code).not.toContain('preact');
    expect(code).not.toContain('innerHTML');
  });

  it('is at most 4 KB gzipped', () => {
    const size = gzipSync(code).length;
    console.log(`content script: ${code.length} B, ${size} B gzip`);
    expect(size).toBeLessThanOrEqual(4096);
  });
});

describe('the built extension', () => {
  it('contains no network calls and no remote code, in any script or page it ships, but team sync’s one client', () => {
    const shipped = (directory: string): string[] =>
      readdirSync(join(DIST, directory), { withFileTypes: true }).flatMap((entry) => {
        const path = join(directory, entry.name);
        if (entry.isDirectory()) return shipped(path);
        return /\.(js|mjs|html)$/.test(entry.name) ? [path] : [];
      });
    const files = shipped('.');
    const found = files.flatMap((file) => {
      const code = readFileSync(join(DIST, file), 'utf8');
      const pattern =
        /\bfetch\(|XMLHttpRequest|new WebSocket|sendBeacon|https?:\/\/localhost|\beval\(|new Function\(|<script[^>]+src=["']?https?:/g;
      return [...code.matchAll(pattern)].map((match) => `${file}: ${match[0]}`);
    });
    // The service worker's loader, the content script and every page are all read, not just the bundled chunks.
    expect(files).toEqual(expect.arrayContaining(['service-worker-loader.js', manifest.content_scripts[0]!.js[0]!]));
    expect(files.some((file) => file.endsWith('.html'))).toBe(true);
    // Team sync's CouchDB client (src/sync/couch.ts) is the one place that calls fetch, to the server the person
    // configured: one chunk, the one that speaks CouchDB's protocol, with one fetch.
    const isSyncClient = (file: string) => {
      const code = readFileSync(join(DIST, file), 'utf8');
      return code.includes('/_bulk_docs') && code.includes('/_session');
    };
    const elsewhere = found.filter((hit) => !isSyncClient(hit.slice(0, hit.indexOf(':'))));
    expect(elsewhere).toEqual([]);
    expect(found.filter((hit) => hit.endsWith('fetch('))).toHaveLength(1);
  });

  it('ships no test hook: nothing of Ridealong’s is put on the global object for the tests', () => {
    // The e2e tests reach a keyboard command through the worker's own listener (see runCommand in tests/e2e).
    const hooks = readdirSync(join(DIST, 'assets'))
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) => {
        const code = readFileSync(join(DIST, 'assets', file), 'utf8');
        return [...code.matchAll(/globalThis\.ridealong\w*\s*=(?!=)/g)].map((match) => `${file}: ${match[0]}`);
      });
    expect(hooks).toEqual([]);
  });
});

describe('the release packages', () => {
  const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  /** Every file of a built folder, by its path inside the folder. */
  const filesOf = (directory: string): Record<string, Uint8Array> =>
    Object.fromEntries(
      (readdirSync(directory, { recursive: true, withFileTypes: true }) as Dirent[])
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const path = join(entry.parentPath, entry.name);
          return [relative(directory, path).split(sep).join('/'), new Uint8Array(readFileSync(path))];
        }),
    );

  it.each([
    ['chrome', DIST],
    ['firefox', join(PROJECT_ROOT, 'dist-firefox')],
  ])('hold exactly the tested build: the %s zip is its folder, file for file', (target, dist) => {
    const zip = join(PROJECT_ROOT, 'release', `ridealong-${target}-${version}.zip`);
    if (!existsSync(zip)) throw new Error(`No ${zip}: run "npm run package" (npm test does) before the e2e tests.`);
    const packed = unzipSync(new Uint8Array(readFileSync(zip)));
    const built = filesOf(dist);
    expect(Object.keys(packed).sort()).toEqual(Object.keys(built).sort());
    for (const [path, bytes] of Object.entries(built)) expect(Buffer.compare(packed[path]!, bytes), path).toBe(0);
  });
});
