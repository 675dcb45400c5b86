import type { Config } from 'jest';

// The SDK warns on every run that its 2027 releases need Node 22; noise in test output, not a finding.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// Full type-checking ts-jest (diagnostics on, no isolatedModules) against the root tsconfig.
const transform: Config['transform'] = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
};

// The public entry points by name (as samples import them), served from the sources.
const moduleNameMapper: Config['moduleNameMapper'] = {
  '^dkmio$': '<rootDir>/src/index.ts',
  '^dkmio/(nest|testing)$': '<rootDir>/src/$1/index.ts',
};

const config: Config = {
  maxWorkers: 2,
  // testTimeout is a global option: Jest ignores it inside a project, where it used to sit.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform,
      moduleNameMapper,
      // Project-level hooks run only when this project has selected tests, so unit-only
      // runs never start a JVM.
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};

export default config;
