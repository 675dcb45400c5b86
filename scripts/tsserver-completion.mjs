// Editor latency: how long tsserver (the language service behind VS Code and most editors) takes
// to answer a completion request at a filter key, driven through its stdio protocol.
//
// Opens the file, asks once (cold: the first answer includes building the program and loading
// the libraries), then for each run makes an edit (a keystroke elsewhere in the file, so the
// program and checker are rebuilt as they are after each keystroke) and asks again at the same
// place; reports the cold time and the median of the runs. The place is the first `.filter({ `
// after `marker` in `file` (inside the braces, where a user types a key).
//
// Standalone: node scripts/tsserver-completion.mjs [file] [marker] (defaults: the perf fixture).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const tsserverPath = createRequire(import.meta.url).resolve('typescript/lib/tsserver.js');

function lineOffset(text, index) {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, offset: before[before.length - 1].length + 1 };
}

export async function measureCompletion({ file, marker, runs = 7 }) {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('.filter({ ', text.indexOf(marker));
  if (at < 0) throw new Error(`no ".filter({ " after "${marker}" in ${file}`);
  const pos = lineOffset(text, at + '.filter({ '.length);
  const server = spawn(
    process.execPath,
    [tsserverPath, '--disableAutomaticTypingAcquisition', '--suppressDiagnosticEvents'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let buffer = '';
  const waiting = new Map();
  server.stdout.setEncoding('utf8');
  server.stdout.on('data', (chunk) => {
    buffer += chunk;
    for (;;) {
      const header = /Content-Length: (\d+)\r\n\r\n/.exec(buffer);
      if (!header) return;
      const start = header.index + header[0].length;
      const length = Number(header[1]);
      if (Buffer.byteLength(buffer.slice(start)) < length) return;
      // Content-Length counts bytes; the fixture is ASCII, so bytes and characters agree.
      const body = buffer.slice(start, start + length);
      buffer = buffer.slice(start + length);
      const msg = JSON.parse(body);
      if (msg.type === 'response' && waiting.has(msg.request_seq)) {
        waiting.get(msg.request_seq)(msg);
        waiting.delete(msg.request_seq);
      }
    }
  });
  let seq = 0;
  const send = (command, args, expectResponse = true) => {
    const s = ++seq;
    const done = expectResponse ? new Promise((resolve) => waiting.set(s, resolve)) : Promise.resolve();
    server.stdin.write(JSON.stringify({ seq: s, type: 'request', command, arguments: args }) + '\n');
    return done;
  };
  const complete = async () => {
    const t0 = process.hrtime.bigint();
    const res = await send('completionInfo', { file, line: pos.line, offset: pos.offset });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (!res.success) throw new Error(`completionInfo failed: ${res.message}`);
    return { ms, entries: res.body?.entries?.length ?? 0 };
  };
  try {
    await send('open', { file, fileContent: text });
    const cold = await complete();
    const times = [];
    for (let i = 0; i < runs; i++) {
      // A keystroke at the top of the file (inside the first comment), then the completion request.
      await send('change', { file, line: 1, offset: 3, endLine: 1, endOffset: 3, insertString: i % 2 ? 'x' : 'y' });
      times.push((await complete()).ms);
    }
    times.sort((a, b) => a - b);
    return {
      cold: cold.ms,
      median: times[Math.floor(times.length / 2)],
      min: times[0],
      max: times[times.length - 1],
      entries: cold.entries,
      runs,
    };
  } finally {
    server.stdin.end();
    server.kill();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const file = path.resolve(process.argv[2] ?? path.join(root, 'tests/types/perf/entities.ts'));
  const marker = process.argv[3] ?? 'export async function useLesson';
  const r = await measureCompletion({ file, marker, runs: Number(process.env.RUNS ?? 7) });
  console.log(
    `tsserver completion at a filter key: cold ${r.cold.toFixed(0)} ms, after an edit median ${r.median.toFixed(0)} ms (min ${r.min.toFixed(0)}, max ${r.max.toFixed(0)}, ${r.runs} runs, ${r.entries} entries)`,
  );
}
