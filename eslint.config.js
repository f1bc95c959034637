import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const focusedTests = ['describe', 'it', 'test'].flatMap((object) => [
  { object, property: 'only', message: 'Focused tests skip the rest of the suite: remove .only.' },
]);

// Only the document module and the client's sync module may touch Yjs (STYLE.md, principle 2);
// the relay is the server's sync module.
const yjsOutsideItsModules = {
  paths: [
    { name: 'yjs', message: 'Use shared/src/doc (BoardDoc, ControlDoc) instead of Yjs directly.' },
    { name: 'y-websocket', message: 'Only client/src/sync opens providers.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'tests/.artifacts/**', 'tests/bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-restricted-properties': ['error', ...focusedTests],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', yjsOutsideItsModules],
    },
  },
  {
    files: ['shared/src/doc/**', 'client/src/sync/**', 'server/src/relay/**', 'tests/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // dnd-kit memoises a sensor on its options object: one written in a render rebuilds the sensors every render.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='useSensor'] > ObjectExpression",
          message: 'Sensor options written in a render rebuild dnd-kit sensors (and re-render every draggable) on each render: make them a module constant (client/src/steps/dragSensors.ts).',
        },
      ],
    },
  },
);
