// Two folders never import each other, directly or around a loop (`npm run lint:layers`).
// Checked on the imports that exist at run time: metadata/ names entity types from the type
// tables in expressions/ (path-types, type-options: types only), while expressions/ reads
// metadata when it compiles; that type-level loop disappears once compiled and is left to
// `npm run shape` to report.
const base = require('./.dependency-cruiser.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Two folders never import each other (folder scope: any loop between folders).',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: { ...base.options, tsPreCompilationDeps: false },
};
