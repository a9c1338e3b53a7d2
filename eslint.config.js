// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-firefox/', 'release/', 'node_modules/', 'screenshots/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // tsc (with checkJs for scripts/) already knows every global; this rule only knows the ones listed to it.
      'no-undef': 'off',
      // `const { dropped, ...rest } = value` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
      // User text is rendered as text. These sinks would parse it as HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render user text as text: use textContent or JSX.' },
        { property: 'outerHTML', message: 'Render user text as text: use textContent or JSX.' },
        { property: 'insertAdjacentHTML', message: 'Render user text as text: use textContent or JSX.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render user text as text.' },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name='write']",
          message: 'No document.write.',
        },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Only storage/ may open the records' database; surfaces call its functions, which write through commit(). Before
    // the folders' own import rules below, which say the same of idb and more, and take over where they apply.
    files: ['src/**'],
    ignores: ['src/storage/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'idb', message: 'Only src/storage/ uses IndexedDB.' }],
        },
      ],
    },
  },
  {
    // The content script runs in every meeting page: it must not pull in the polyfill, Preact or storage.
    files: ['src/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['preact', 'preact/*', 'idb', 'valibot', 'webextension-polyfill'],
              message: 'The content script takes no library.',
            },
            {
              group: ['../storage/*', '../platform/*', '!../platform/frame-channel', '../ui/*', '../overlay/*'],
              message: 'The content script only recognises meetings.',
            },
          ],
        },
      ],
    },
  },
  {
    // The overlay is a third-party frame inside the meeting site: IndexedDB is denied there, so an import of storage/
    // builds and then fails only on a meeting tab. It reads and writes through the service worker. The call's parts
    // in ui/call/ run in that frame too.
    files: ['src/overlay/**', 'src/ui/call/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../storage/*', 'idb'],
              message: 'The overlay frame asks the service worker; it has no IndexedDB.',
            },
          ],
        },
      ],
    },
  },
  {
    // domain/ is plain TypeScript: nothing from the browser seam, storage or UI.
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../storage/*', '../platform/*', '../ui/*', '../*/*', 'webextension-polyfill', 'idb', 'preact'],
              message: 'domain/ imports nothing else from src/.',
            },
          ],
        },
      ],
    },
  },
  {
    // One write path (storage/commit.ts): a record and its change-log row land in one transaction, and every surface
    // and team sync hear of it from there. A read-write transaction anywhere else would write around the log.
    files: ['src/**'],
    ignores: ['src/storage/commit.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render user text as text.' },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name='write']",
          message: 'No document.write.',
        },
        {
          selector: "CallExpression[callee.property.name='transaction'][arguments.1.value='readwrite']",
          message: 'Write records through commit() in src/storage/commit.ts: it logs the change and tells everyone.',
        },
        {
          selector: "CallExpression[callee.object.name='indexedDB'][callee.property.name='open']",
          message: 'Only src/storage/ opens IndexedDB, through openDatabase() and commit().',
        },
      ],
    },
  },
  {
    // Tests read the page's own HTML on purpose, to prove our text is not in it.
    files: ['tests/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
