/**
 * Runs scenario (a) or (b) for ONE library in a fresh process, interleaved with the baseline
 * and its A/A control, and prints the results as JSON. One process per library keeps each
 * library's JIT compilation, garbage and background work off the other libraries' clocks
 * (in one shared process they were charged to whoever ran next).
 *   node scenario-child.js build|call <adapter module> <rounds> <batchMs>
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
import type { Adapter } from './adapter';
import { plain, plainControl } from './adapters/plain';
import { raw, rawControl } from './adapters/raw';
import { buildScenario } from './scenarios/build';
import { callScenario } from './scenarios/call';

/** A library's contestants: dkmio has one per way in (its own client, a handed-over DynamoDBClient or DocumentClient). */
export const MODULES: Record<string, () => Adapter[]> = {
  dkmio: () => [...require('./adapters/dkmio').DKMIO_WAYS, require('./adapters/dkmio').dkmioWithTunedClient],
  electrodb: () => [require('./adapters/electrodb').electrodb],
  toolbox: () => [require('./adapters/toolbox').toolbox],
  dynamoose: () => [require('./adapters/dynamoose').dynamooseAdapter],
  typedorm: () => [require('./adapters/typedorm').typedorm],
};

async function main() {
  const [scenario, mod, rounds, batchMs] = process.argv.slice(2);
  const adapters = MODULES[mod!]!();
  const out =
    scenario === 'build'
      ? // Request building does not depend on the client a request is sent through: one row per library.
        await buildScenario(
          [plain, plainControl, ...adapters.filter((a) => a.build)],
          Number(rounds),
          Number(batchMs),
          plain.name,
        )
      : await callScenario([raw, rawControl, ...adapters], Number(rounds), Number(batchMs), raw.name);
  process.stdout.write('\n@@RESULTS@@' + JSON.stringify(out) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
