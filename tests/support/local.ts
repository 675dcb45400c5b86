import { randomBytes } from 'node:crypto';

/** AWS SDK client settings for the test DynamoDB Local (structurally a DynamoDBClientConfig). */
export interface TestClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

// URL#hostname keeps the brackets of IPv6 literals, so accept both spellings of ::1.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * The DynamoDB Local endpoint started by the integration global setup.
 * Throws unless it points at loopback, so a stray env var can never aim tests that
 * create and delete tables at a real AWS account.
 */
export function testEndpoint(): string {
  const raw = process.env['DKMIO_TEST_ENDPOINT'];
  if (!raw) {
    throw new Error(
      'DKMIO_TEST_ENDPOINT is not set. Run integration tests with `jest --selectProjects integration` ' +
        'so the global setup can start DynamoDB Local.',
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`DKMIO_TEST_ENDPOINT is not a valid URL: ${raw}`);
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`Refusing to run tests against ${raw}: DKMIO_TEST_ENDPOINT must be an http:// loopback address.`);
  }
  return raw;
}

/** Client config for the local endpoint, with dummy credentials so no real ones are looked up. */
export function testClientConfig(): TestClientConfig {
  return {
    endpoint: testEndpoint(),
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
}

/** `base` plus a random suffix, so tests sharing one (-sharedDb) server never collide. */
export function uniqueTableName(base: string): string {
  return `${base}-${randomBytes(6).toString('hex')}`;
}
