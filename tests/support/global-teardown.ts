import type {} from './global-setup'; // brings in the __DKMIO_LOCAL__ global declaration

/** Stops the DynamoDB Local started by global-setup. */
export default async function globalTeardown(): Promise<void> {
  const local = globalThis.__DKMIO_LOCAL__;
  globalThis.__DKMIO_LOCAL__ = undefined;
  await local?.stop();
}
