/** Every contestant, in report order. */
import type { Adapter } from '../adapter';
import { dkmio } from './dkmio';
import { dynamooseAdapter } from './dynamoose';
import { electrodb } from './electrodb';
import { plain, plainControl } from './plain';
import { raw, rawControl } from './raw';
import { toolbox } from './toolbox';
import { typedorm } from './typedorm';

export const ADAPTERS: Adapter[] = [
  raw,
  rawControl,
  plain,
  plainControl,
  dkmio,
  electrodb,
  toolbox,
  dynamooseAdapter,
  typedorm,
];
