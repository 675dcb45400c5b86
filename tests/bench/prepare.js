// Prepares the benchmark package before `npm run bench` compiles and runs it:
// 1. installs its own dependencies (the peers) from its lock file when any is missing;
// 2. copies the freshly built dkmio (../../dist, and the per-file build of its core) into node_modules/dkmio, so dkmio resolves the
//    SAME copy of the AWS SDK as the raw client and the peers (one SDK copy for everyone: no
//    adapter gets warmer or colder SDK code than another).
'use strict';
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const here = __dirname;
const root = path.resolve(here, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
const missing = Object.keys(pkg.dependencies).filter(
  (d) => !fs.existsSync(path.join(here, 'node_modules', d, 'package.json')),
);
if (missing.length > 0) {
  console.log(`bench: installing the bench package's dependencies (missing: ${missing.join(', ')})`);
  execSync(`npm ${fs.existsSync(path.join(here, 'package-lock.json')) ? 'ci' : 'install'} --prefix "${here}"`, {
    stdio: 'inherit',
  });
}
if (!fs.existsSync(path.join(root, 'dist', 'index.js')))
  throw new Error('bench: dkmio is not built; run `npm run build` first.');
const target = path.join(here, 'node_modules', 'dkmio');
fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(target, { recursive: true });
fs.cpSync(path.join(root, 'dist'), path.join(target, 'dist'), { recursive: true, filter: (f) => !f.endsWith('.map') });
// The published core is one file; the pure request builders the bench times come from the
// per-file build next to it (scripts/build.mjs keeps it in .build/core-files, out of the package).
fs.cpSync(path.join(root, '.build', 'core-files'), path.join(target, 'core-files'), {
  recursive: true,
  filter: (f) => !f.endsWith('.map'),
});
const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
delete rootPkg.scripts;
delete rootPkg.devDependencies;
fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify(rootPkg, null, 2));
console.log(`bench: dkmio ${rootPkg.version} copied into the bench package`);
