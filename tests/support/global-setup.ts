import { startLocalDynamo, type LocalDynamo } from '../../src/testing';

declare global {
  // Handed from globalSetup to globalTeardown, which share one context in the Jest parent process.
  var __DKMIO_LOCAL__: LocalDynamo | undefined;
}

/** Starts one DynamoDB Local for the whole integration run; workers find it via DKMIO_TEST_ENDPOINT. */
export default async function globalSetup(): Promise<void> {
  // Several projects (integration, standard-decorators) share this setup: one JVM for the run.
  if (globalThis.__DKMIO_LOCAL__) return;
  const local = await startLocalDynamo();
  globalThis.__DKMIO_LOCAL__ = local;
  // Workers are forked after globalSetup, so they inherit this variable.
  process.env['DKMIO_TEST_ENDPOINT'] = local.endpoint;
}
