// The built package alone, for scripts/typecheck-perf.mjs: what the fixture adds is its cost.
import * as dkmio from 'dkmio';
void dkmio;
