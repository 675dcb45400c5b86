/** Every contestant, in report order. */
import type { Adapter } from '../adapter';
import { DKMIO_WAYS, dkmioWithTunedClient } from './dkmio';
import { dynamooseAdapter } from './dynamoose';
import { electrodb } from './electrodb';
import { plain, plainControl } from './plain';
import { raw, rawControl } from './raw';
import { toolbox } from './toolbox';
import { typedorm } from './typedorm';

const PEERS: Adapter[] = [electrodb, toolbox, dynamooseAdapter, typedorm];

/** BENCH_PEERS=0 leaves the other mappers out (a quicker run of dkmio against raw only). */
export const withPeers = (): boolean => process.env.BENCH_PEERS !== '0';

export const ADAPTERS: Adapter[] = [raw, rawControl, plain, plainControl, ...DKMIO_WAYS, ...(withPeers() ? PEERS : [])];

/** Short names for the command line (profile.ts): `dkmio`, `dkmio-client`, `dkmio-doc`, `raw`, ... */
export function adapterByName(name: string): Adapter | undefined {
  const alias: Record<string, string> = {
    'dkmio-client': DKMIO_WAYS[1]!.name,
    'dkmio-doc': DKMIO_WAYS[2]!.name,
    'dkmio-tuned': dkmioWithTunedClient.name,
  };
  const all = [raw, rawControl, plain, plainControl, ...DKMIO_WAYS, dkmioWithTunedClient, ...PEERS];
  const full = alias[name] ?? name;
  return all.find((a) => a.name === full) ?? all.find((a) => a.name.split(' ')[0] === full);
}
