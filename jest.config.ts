import type { Config } from 'jest';

// The SDK warns on every run that its 2027 releases need Node 22; noise in test output, not a finding.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// ts-jest only transpiles (tsconfig.jest.json: isolatedModules): types are checked once, by `npm run typecheck`.
const transform: Config['transform'] = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
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
    {
      // Entities defined with TC39 standard decorators (tsconfig.standard.json: no
      // experimentalDecorators, so no design metadata), on the same DynamoDB Local. Its own
      // project because ts-jest keeps one compiler configuration per project. `dkmio` is the
      // built package (dist/, built by `npm test` first), as an app compiled this way uses it.
      displayName: 'standard-decorators',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/standard-decorators/**/*.test.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.standard.json' }] },
      moduleNameMapper: {
        '^dkmio$': '<rootDir>/dist/index.js',
        '^dkmio/(nest|testing)$': '<rootDir>/dist/$1/index.js',
      },
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};

export default config;
