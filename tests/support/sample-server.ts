import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { testEndpoint } from './local';

/** The repository's root: compiled samples live in dist-samples/ below it. */
export const ROOT = path.resolve(__dirname, '../..');

/** A compiled server sample running in its own process. */
export interface SampleServer {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  /** Everything the server printed so far, stdout and stderr. */
  output: () => string;
}

/**
 * Starts a compiled server sample against the test DynamoDB Local (DKMIO_ENDPOINT set, so no
 * sample starts a JVM of its own) and resolves with its URL once it prints "Listening on <url>".
 */
export function startSampleServer(script: string, env: Record<string, string>): Promise<SampleServer> {
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { ...process.env, DKMIO_ENDPOINT: testEndpoint(), PORT: '0', NODE_NO_WARNINGS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1].replace('[::1]', '127.0.0.1'), exited, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`${script} exited with ${code} before listening:\n${output}`)));
  });
}
