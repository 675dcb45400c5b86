/**
 * A child process for the startLocalDynamo() signal tests: starts DynamoDB Local, prints one
 * JSON line with its own and the JVM's pid, then behaves as `argv[2]` says:
 * - `wait`: stays alive until a signal arrives (no listeners of its own).
 * - `throw`: throws an uncaught error.
 * - `own-handler`: listens to SIGTERM itself and exits with code 7 (the app's own semantics).
 * - `stop`: calls stop() and prints the signal/exit listener counts before start, while
 *   running and after stop.
 */
import { startLocalDynamo } from '../../src/testing';

const counts = () => ({
  SIGINT: process.listenerCount('SIGINT'),
  SIGTERM: process.listenerCount('SIGTERM'),
  exit: process.listenerCount('exit'),
});

async function main(): Promise<void> {
  const mode = process.argv[2];
  const before = counts();
  if (mode === 'own-handler') process.on('SIGTERM', () => process.exit(7));
  const local = await startLocalDynamo();
  const running = counts();
  if (mode === 'stop') {
    await local.stop();
    console.log(JSON.stringify({ pid: process.pid, java: local.pid, before, running, after: counts() }));
    return;
  }
  console.log(JSON.stringify({ pid: process.pid, java: local.pid }));
  if (mode === 'throw') {
    setTimeout(() => {
      throw new Error('uncaught on purpose');
    }, 50);
  }
  // Keep the event loop alive (the JVM itself does not).
  setInterval(() => undefined, 1_000);
}

void main();
