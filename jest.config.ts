import type { Config } from 'jest';

// The SDK warns on every run that its 2027 releases need Node 22; noise in test output, not a finding.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// Full type-checking ts-jest (diagnostics on, no isolatedModules) against the root tsconfig.
const transform: Config['transform'] = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
};

const config: Config = {
  maxWorkers: 2,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform,
      // Project-level hooks run only when this project has selected tests, so unit-only
      // runs never start a JVM.
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      // A project's `testTimeout` is ignored by Jest; this file sets it for integration tests.
      setupFilesAfterEnv: ['<rootDir>/tests/support/integration-timeout.ts'],
    },
  ],
};

export default config;
