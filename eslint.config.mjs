// ESLint (flat config) with typescript-eslint's type-aware rules; `npm run lint` runs it, then
// `prettier --check`. Formatting is Prettier's alone (.prettierrc.json): no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeGlobals = {
  Buffer: 'readonly',
  URL: 'readonly',
  __dirname: 'readonly',
  console: 'readonly',
  module: 'writable',
  process: 'readonly',
  require: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      // The build's intermediate files (scripts/build.mjs).
      '.build/**',
      'dist-samples/**',
      'coverage/**',
      // The benchmark package has its own dependencies (the peers) and tsconfig.
      'tests/bench/**',
      // Packed-package consumer projects, type-checked by `npm run typecheck:consumers`.
      'tests/consumers/**',
      'tests/ts7/**',
      // Compile-only type tests: each line exists to compile or to fail to (`@ts-expect-error`,
      // `// must-fail`), often as a bare expression; `npm run typecheck` is their linter.
      'tests/types/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['jest.config.ts', 'scripts/*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Metadata is keyed by class constructors, which TypeScript types as `Function` (decorator
      // targets, `prototype.constructor`); a constructor signature would refuse abstract classes.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // The type options (DkmioTypeOptions) resolve a constituent to `unknown` or `never` in one
      // mode on purpose: `T | X` and `X & Y` stay written once for both modes.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/no-duplicate-type-constituents': 'off',
      // Table management is loaded on first use (a tenth of what `require('dkmio')` cost): these
      // requires are the lazy loading, not a module style.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['/operations/tables/'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A cancelled wait rejects with `signal.reason` (typed any), as AbortSignal's contract says.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true }],
    },
  },
  {
    // The fast marshalling walk bails out by throwing a symbol: no Error, so no stack captured on
    // a path taken for every unusual value (the slow walk then names the exact path).
    files: ['src/marshalling/fast-marshall.ts'],
    rules: { '@typescript-eslint/only-throw-error': 'off' },
  },
  {
    // The standard-decorators project compiles with its own tsconfig (no experimentalDecorators).
    files: ['tests/standard-decorators/**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './tsconfig.standard.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Tests read untyped answers (JSON bodies, raw SDK outputs, parsed logs) and hand
      // deliberately ill-typed input to the library to check its run-time errors.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Fakes implement async interfaces (`send`, `useFactory`) with bodies that need no await.
      '@typescript-eslint/require-await': 'off',
      // `expect(fake.method)` passes methods around on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // tsconfig's module node16 keeps `import()` in CommonJS as a real dynamic import, which
      // Jest's CommonJS runtime refuses (without --experimental-vm-modules).
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'Import statically: Jest refuses import() in CommonJS tests.' },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js', '.dependency-cruiser*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs', '.dependency-cruiser*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
