// @ts-check
// `npm run package`: builds Ridealong for Chrome and Edge (dist/) and for Firefox (dist-firefox/) from the same
// sources, and writes release/ridealong-chrome-<version>.zip and release/ridealong-firefox-<version>.zip, each with
// a list of its files and sizes beside it. The zips are reproducible: the same commit gives byte-identical files
// (sorted entries, one fixed timestamp, no file modes), which `npm run package -- --check` proves by building twice.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';
import { PROJECT_ROOT } from './lib/extension-browser.mjs';

// DOS timestamps in a zip are local time: pin the zone, so the bytes don't depend on the machine's.
process.env.TZ = 'UTC';
/** Every entry's time: the earliest a zip can hold, so no build date leaks into the package. */
const ZIP_TIME = new Date('1980-01-01T00:00:00Z');
const RELEASE = join(PROJECT_ROOT, 'release');
const version = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version;

/** @type {{ name: 'chrome' | 'firefox', mode: string, dist: string }[]} */
const TARGETS = [
  { name: 'chrome', mode: 'production', dist: join(PROJECT_ROOT, 'dist') },
  { name: 'firefox', mode: 'firefox', dist: join(PROJECT_ROOT, 'dist-firefox') },
];

/** @param {string} directory @returns {string[]} every file under it, as sorted zip paths */
function filesUnder(directory) {
  /** @type {string[]} */
  const files = [];
  const walk = (/** @type {string} */ dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(directory, path).split(sep).join('/'));
    }
  };
  walk(directory);
  return files.sort();
}

/** @param {string} dist @returns {{ zip: Uint8Array, listing: string }} */
function packageOf(dist) {
  const files = filesUnder(dist);
  /** @type {import('fflate').Zippable} */
  const entries = {};
  for (const file of files) entries[file] = [readFileSync(join(dist, file)), { mtime: ZIP_TIME, level: 9 }];
  const zip = zipSync(entries, { mtime: ZIP_TIME });
  const width = Math.max(...files.map((file) => file.length));
  const lines = files.map((file) => `${file.padEnd(width)}  ${String(statSync(join(dist, file)).size).padStart(9)} B`);
  const total = files.reduce((sum, file) => sum + statSync(join(dist, file)).size, 0);
  return { zip, listing: `${lines.join('\n')}\n${files.length} files, ${total} B unpacked, ${zip.length} B zipped\n` };
}

/** @param {'chrome' | 'firefox'} name @param {string} mode */
function build(name, mode) {
  const result = spawnSync('npx', ['vite', 'build', '--mode', mode, '--logLevel', 'warn'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`The ${name} build failed.`);
}

const sha256 = (/** @type {Uint8Array} */ bytes) => createHash('sha256').update(bytes).digest('hex');

function packageAll() {
  /** @type {Record<string, string>} */
  const digests = {};
  mkdirSync(RELEASE, { recursive: true });
  for (const { name, mode, dist } of TARGETS) {
    build(name, mode);
    const { zip, listing } = packageOf(dist);
    const file = join(RELEASE, `ridealong-${name}-${version}.zip`);
    writeFileSync(file, zip);
    writeFileSync(file.replace(/\.zip$/, '.txt'), listing);
    digests[name] = sha256(zip);
    console.log(`\n${relative(PROJECT_ROOT, file)}  sha256 ${digests[name]}\n${listing}`);
  }
  return digests;
}

const first = packageAll();
if (process.argv.includes('--check')) {
  const second = packageAll();
  const same = TARGETS.every(({ name }) => first[name] === second[name]);
  console.log(same ? 'Reproducible: both builds gave byte-identical zips.' : 'NOT reproducible: the zips differ.');
  process.exit(same ? 0 : 1);
}
