// `npm run shape`: recounts the shape of src/ from its own imports (type-only imports included,
// as they tie folders together just the same), with dependency-cruiser's resolver.
//
//   folders      directories holding at least one src/ file (src/ itself counts as "(root)")
//   layers       file layers: the longest chain of imports between files, plus one (a cycle
//                taken as one file); folder layers: the same for the folder graph, where
//                mutually dependent folders count as one
//   import edges distinct folder -> folder imports (also counted with folders taken at their top
//                level, operations/get as operations, to compare layouts that nest differently)
//   upward edges imports that close a folder cycle: inside a group of mutually dependent folders,
//                an import from a folder whose files sit lower (mean file height) to one higher
//   cycles       file-level import cycles (strongly connected groups of files), and how many
//                remain when type-only imports are left out
//   largest      the biggest files, in lines
//
// `node scripts/shape.mjs --json` prints the same figures as JSON.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);

const result = await cruise(
  ['src'],
  { tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' }, exclude: { path: 'node_modules' } },
  { extensions: ['.ts', '.js'] },
  { tsConfig: extractTSConfig(path.join(root, 'tsconfig.json')) },
);

const modules = result.output.modules.filter((m) => m.source.startsWith('src/') && m.source.endsWith('.ts'));
const files = new Set(modules.map((m) => m.source));
const fileDeps = new Map(
  modules.map((m) => [m.source, [...new Set(m.dependencies.map((d) => d.resolved).filter((r) => files.has(r)))]]),
);
const runtimeDeps = new Map(
  modules.map((m) => [
    m.source,
    [
      ...new Set(
        m.dependencies
          .filter((d) => !d.dependencyTypes.includes('type-only'))
          .map((d) => d.resolved)
          .filter((r) => files.has(r)),
      ),
    ],
  ]),
);
// src/index.ts, the public entry, imports every folder by design: it counts as a folder of its own.
const folderOf = (file) =>
  file === 'src/index.ts' ? '(entry)' : path.dirname(path.relative('src', file)).replace(/^\.$/, '(root)');

/** Tarjan's strongly connected components; returns one array of nodes per component. */
function components(nodes, edgesOf) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edgesOf(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      out.push(group);
    }
  };
  for (const v of nodes) if (!idx.has(v)) visit(v);
  return out;
}

/** Height of each node: 0 for what imports nothing, else 1 + the highest thing it imports (cycles taken as one). */
function heights(nodes, edgesOf) {
  const groups = components(nodes, edgesOf);
  const groupOf = new Map();
  groups.forEach((g, i) => g.forEach((v) => groupOf.set(v, i)));
  const h = new Map();
  // Tarjan emits components in reverse topological order: dependencies first.
  groups.forEach((g, i) => {
    let height = 0;
    for (const v of g)
      for (const w of edgesOf(v)) if (groupOf.get(w) !== i) height = Math.max(height, h.get(groupOf.get(w)) + 1);
    h.set(i, height);
  });
  return { height: (v) => h.get(groupOf.get(v)), groups, groupOf };
}

const fileHeights = heights([...files], (f) => fileDeps.get(f));
const fileCycles = fileHeights.groups.filter((g) => g.length > 1);
const runtimeCycles = components([...files], (f) => runtimeDeps.get(f)).filter((g) => g.length > 1);

const folders = [...new Set([...files].map(folderOf))].sort();
const folderEdges = new Map(folders.map((f) => [f, new Set()]));
for (const [file, deps] of fileDeps)
  for (const dep of deps) if (folderOf(dep) !== folderOf(file)) folderEdges.get(folderOf(file)).add(folderOf(dep));
const folderHeights = heights(folders, (f) => folderEdges.get(f));
const meanFileHeight = new Map(
  folders.map((folder) => {
    const own = [...files].filter((f) => folderOf(f) === folder).map(fileHeights.height);
    return [folder, own.reduce((a, b) => a + b, 0) / own.length];
  }),
);
const edges = [...folderEdges].flatMap(([from, tos]) => [...tos].map((to) => ({ from, to })));
const upward = edges.filter(
  ({ from, to }) =>
    folderHeights.groupOf.get(from) === folderHeights.groupOf.get(to) &&
    meanFileHeight.get(from) <= meanFileHeight.get(to),
);
// The same graph with every folder taken at its top level (operations/get -> operations): comparable
// across layouts that nest differently.
const top = (folder) => folder.split('/')[0];
const topEdges = new Set(
  edges.filter(({ from, to }) => top(from) !== top(to)).map(({ from, to }) => `${top(from)} -> ${top(to)}`),
);
const topFolders = new Set(folders.map(top));
const lines = (file) => readFileSync(file, 'utf8').split('\n').length - 1;
const largest = [...files]
  .map((file) => ({ file, lines: lines(file) }))
  .sort((a, b) => b.lines - a.lines)
  .slice(0, 5);
const sortedLines = [...files].map(lines).sort((a, b) => a - b);

const shape = {
  files: files.size,
  medianLines: sortedLines[Math.floor(sortedLines.length / 2)],
  folders: folders.length,
  layers: Math.max(...[...files].map(fileHeights.height)) + 1,
  folderLayers: Math.max(...folders.map(folderHeights.height)) + 1,
  importEdges: edges.length,
  topLevel: { folders: topFolders.size, importEdges: topEdges.size },
  upwardEdges: upward.map(({ from, to }) => `${from} -> ${to}`),
  cycles: fileCycles.map((g) => g.sort()),
  runtimeCycles: runtimeCycles.map((g) => g.sort()),
  largest,
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(shape, null, 2));
} else {
  console.log(`files: ${shape.files} (median ${shape.medianLines} lines)`);
  console.log(`folders: ${shape.folders}`);
  console.log(`layers: ${shape.layers} (file import chain), ${shape.folderLayers} (folder graph)`);
  console.log(`import edges (folder -> folder): ${shape.importEdges}`);
  console.log(`top-level folders: ${shape.topLevel.folders}, import edges between them: ${shape.topLevel.importEdges}`);
  console.log(`upward edges: ${shape.upwardEdges.length}`);
  for (const e of shape.upwardEdges) console.log(`  ${e}`);
  console.log(
    `cycles (file level): ${shape.cycles.length} (${shape.runtimeCycles.length} through run-time imports alone)`,
  );
  for (const c of shape.cycles) console.log(`  ${c.join(' <-> ')}`);
  console.log('largest files:');
  for (const { file, lines: n } of shape.largest) console.log(`  ${String(n).padStart(5)}  ${file}`);
  if (process.argv.includes('--layers'))
    for (const f of folders.sort((a, b) => folderHeights.height(a) - folderHeights.height(b)))
      console.log(`  layer ${folderHeights.height(f)}: ${f}`);
}
