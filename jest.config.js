/** Unit specs live beside the code; end-to-end specs under test/. */
const moduleNameMapper = {
  '^@support/platform$': '<rootDir>/platform/src',
  '^@support/conversation$': '<rootDir>/conversation/src',
  '^@support/knowledge$': '<rootDir>/knowledge/src',
  '^@support/channels$': '<rootDir>/channels/src',
  '^@support/agent$': '<rootDir>/apps/agent/src',
};
const transform = { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] };
module.exports = {
  testEnvironment: 'node',
  testTimeout: 30_000,
  moduleFileExtensions: ['ts', 'js', 'json'],
  projects: [
    { displayName: 'unit', rootDir: __dirname, testMatch: ['<rootDir>/{apps,channels,knowledge,conversation,platform,bench}/**/*.spec.ts'], transform, moduleNameMapper, testEnvironment: 'node', testTimeout: 30_000 },
    { displayName: 'e2e', rootDir: __dirname, testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], transform, moduleNameMapper, testEnvironment: 'node', testTimeout: 30_000 },
  ],
};
