// @ts-check
// The content script's size in `npm run bench`: the one file the manifest injects into meeting tabs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The content script of the extension built in `dist`, Teams detection included: it names Teams' hosts and its
 * meeting links, and imports nothing (a loader pulling in a chunk would leave most of the script out of the figure).
 * @param {string} dist
 */
export function contentScriptFigures(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const contentScript = readFileSync(join(dist, manifest.content_scripts[0].js[0]));
  const text = contentScript.toString('utf8');
  return {
    bytes: contentScript.length,
    gzipBytes: gzipSync(contentScript).length,
    teamsDetection: text.includes('teams.microsoft.com') && text.includes('meetup-join'),
    selfContained: !/\bimport\s*\(|^\s*import\s/m.test(text),
  };
}
