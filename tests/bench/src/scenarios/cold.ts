/**
 * (d) Cold start, each figure from a fresh child process (runs alternate between contestants,
 * median of BENCH_COLD_RUNS): require time, defining the model and client, the first
 * query/update/put (the HTTP hop answered in-process). Plus installed size and dependency count.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { median } from '../harness';

export interface ColdResult {
  /** name -> metric -> median ms */
  timings: Record<string, Record<string, number>>;
  sizes: { name: string; packages: number; bytes: number; extraPackages: number; extraBytes: number }[];
}

const BENCH = path.resolve(__dirname, '../..');

function child(args: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'cold-child.js'), ...args], {
    cwd: BENCH,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

export const REQUIRES: Record<string, string[]> = {
  '@aws-sdk/lib-dynamodb alone': ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  dkmio: ['dkmio'],
  ElectroDB: ['electrodb'],
  'dynamodb-toolbox v2': ['dynamodb-toolbox'],
  Dynamoose: ['dynamoose'],
  TypeDORM: [
    'reflect-metadata',
    '@typedorm/common',
    '@typedorm/core',
    '@typedorm/document-client',
    '@aws-sdk/lib-dynamodb',
  ],
};

/** The ways into dkmio measured cold: [timings key, contestant name]. */
export const COLD_WAYS: [string, string][] = [
  ['dkmio', 'dkmio'],
  ['dkmio, handed a DynamoDBClient', 'dkmio, handed a DynamoDBClient'],
  ['dkmio, handed a DocumentClient', 'dkmio, handed a DocumentClient'],
];
const COLD_MODES: Record<string, string> = {
  dkmio: 'dkmio',
  'dkmio, handed a DynamoDBClient': 'dkmio-client',
  'dkmio, handed a DocumentClient': 'dkmio-doc',
};

export function coldScenario(runs: number): ColdResult {
  const samples: Record<string, Record<string, number[]>> = {};
  const add = (name: string, r: Record<string, number>) => {
    const s = (samples[name] ??= {});
    for (const [k, v] of Object.entries(r)) (s[k] ??= []).push(v);
  };
  // One untimed run of each first: the OS file cache is then warm for everyone alike.
  child(['raw']);
  child(['dkmio']);
  for (let i = 0; i < runs; i++) {
    add('raw DocumentClient', child(['raw']));
    for (const [key] of COLD_WAYS) add(key, child([COLD_MODES[key]!]));
    for (const [name, mods] of Object.entries(REQUIRES)) add(`require ${name}`, child(['require', ...mods]));
  }
  const timings: ColdResult['timings'] = {};
  for (const [name, s] of Object.entries(samples))
    timings[name] = Object.fromEntries(Object.entries(s).map(([k, xs]) => [k, median(xs)]));
  return { timings, sizes: installedSizes() };
}

// ---- installed size: the closure of a package's dependencies (and required peers) in node_modules

function findPackage(name: string, fromDir: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const p = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(p, 'package.json'))) return p;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += dirBytes(p);
    else if (e.isFile()) total += fs.statSync(p).size;
  }
  return total;
}

function closure(roots: string[]): Map<string, number> {
  const seen = new Map<string, number>();
  const visit = (name: string, from: string) => {
    const dir = findPackage(name, from);
    if (!dir || seen.has(dir)) return;
    seen.set(dir, dirBytes(dir));
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const optionalPeers = pkg.peerDependenciesMeta ?? {};
    const deps = [
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.peerDependencies ?? {}).filter((p) => !optionalPeers[p]?.optional),
    ];
    for (const d of deps) visit(d, dir);
  };
  for (const r of roots) visit(r, BENCH);
  return seen;
}

function installedSizes(): ColdResult['sizes'] {
  const base = closure(['@aws-sdk/lib-dynamodb', '@aws-sdk/client-dynamodb']);
  const sets: Record<string, string[]> = {
    '@aws-sdk/lib-dynamodb + client-dynamodb': ['@aws-sdk/lib-dynamodb', '@aws-sdk/client-dynamodb'],
    dkmio: ['dkmio'],
    ElectroDB: ['electrodb'],
    'dynamodb-toolbox v2': ['dynamodb-toolbox'],
    Dynamoose: ['dynamoose'],
    TypeDORM: ['@typedorm/core', '@typedorm/common', '@typedorm/document-client'],
  };
  return Object.entries(sets).map(([name, roots]) => {
    const c = closure(roots);
    let bytes = 0;
    let extraBytes = 0;
    let extra = 0;
    for (const [dir, b] of c) {
      bytes += b;
      if (!base.has(dir)) {
        extra++;
        extraBytes += b;
      }
    }
    return { name, packages: c.size, bytes, extraPackages: extra, extraBytes };
  });
}
