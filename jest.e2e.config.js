/** `npm run test:e2e`: builds every site against a real CMS and checks it in Debian's Chromium. */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  // One browser and one Strapi at a time: the two cores are shared with the site build.
  maxWorkers: 1,
  testTimeout: 300000,
};
