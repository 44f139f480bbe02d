/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/src/plugins', '<rootDir>/cms/src'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  setupFiles: ['<rootDir>/tests/harness/isolate-env.ts'],
  globalSetup: '<rootDir>/tests/harness/global-setup.ts',
  // Each file boots at most one Strapi (7–9 s here); two workers match the two cores.
  maxWorkers: 2,
  testTimeout: 120000,
  verbose: true,
};
