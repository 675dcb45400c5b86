// `prepare` (npm runs it after `npm install` in a clone, and when dkmio is installed from a git
// URL, where dist/ is not committed): build the package when dist/ is missing. When dist/ is
// there it is left alone, so `npm pack` (run by the packaging checks while other tests read
// dist/) never rebuilds it under them; `npm run build` rebuilds on demand.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, 'dist', 'index.js'))) {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
}
