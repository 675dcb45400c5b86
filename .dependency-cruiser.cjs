// Layer rules of src/ (`npm run lint:layers`, part of `npm test`). Imports are read as written,
// type-only ones included; `npm run shape` recounts the resulting shape.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment:
        'A file never reaches itself through imports that exist at run time. Loops through type-only imports ' +
        '(the single-table metadata types name each other) vanish when compiled; `npm run shape` counts them.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'runtime-is-the-floor',
      comment:
        'runtime/ (executor, breakers, retry, pool, logger, cursor seal) is what every request passes through: ' +
        'it imports errors/ and nothing else of dkmio.',
      severity: 'error',
      from: { path: '^src/runtime/' },
      to: { path: '^src/', pathNot: '^src/(runtime|errors)/' },
    },
    {
      name: 'operations-below-their-doors',
      comment: 'Operations never import the doors into them (Repository, DkmioClient) nor the adapters above them.',
      severity: 'error',
      from: { path: '^src/operations/' },
      to: { path: '^src/(repository|client|nest|testing)/' },
    },
    {
      name: 'errors-import-nothing',
      comment: 'errors/ is below everything: it imports no other folder of dkmio.',
      severity: 'error',
      from: { path: '^src/errors/' },
      to: { path: '^src/', pathNot: '^src/errors/' },
    },
    {
      name: 'only-the-entries-import-nest',
      comment: 'Importing dkmio loads no NestJS code: nothing outside src/nest imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/nest/' },
      to: { path: '^src/nest/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
