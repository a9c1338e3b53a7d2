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
    // Tests read the page's own HTML on purpose, to prove our text is not in it.
    files: ['tests/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
