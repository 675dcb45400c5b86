import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** The files a fresh Node process has loaded after requiring `entry` (TypeScript run through ts-node). */
function modulesLoadedBy(entry: string): string[] {
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'tsconfig.build.json') },
  });
  return JSON.parse(out) as string[];
}

describe('entry point isolation', () => {
  it("require('dkmio') loads no NestJS module (nor Express)", () => {
    const loaded = modulesLoadedBy('./src/index.ts');
    expect(loaded.some((f) => f.endsWith(path.join('src', 'index.ts')))).toBe(true);
    expect(loaded.filter((f) => /[\\/]node_modules[\\/](@nestjs|express|rxjs)[\\/]/.test(f))).toEqual([]);
    expect(loaded.filter((f) => f.includes(`${path.sep}src${path.sep}nest${path.sep}`))).toEqual([]);
  });

  it("require('dkmio/nest') does load NestJS (so the check above can see it)", () => {
    const loaded = modulesLoadedBy('./src/nest/index.ts');
    expect(loaded.some((f) => /[\\/]node_modules[\\/]@nestjs[\\/]common[\\/]/.test(f))).toBe(true);
  });
});
