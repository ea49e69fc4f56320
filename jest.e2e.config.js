/** End-to-end tests of the built page in headless Chromium; run after `npm run build` with `npm run test:e2e`. */
const base = require("./jest.config");

module.exports = {
  ...base,
  testMatch: ["**/*.e2e.test.ts"],
  testPathIgnorePatterns: [],
  testTimeout: 120000,
};
