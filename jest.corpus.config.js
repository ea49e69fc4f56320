/** The hostile corpus (a 100,000-row sheet, 500 sheets, a zip bomb…); `npm run test:corpus`. */
const base = require("./jest.config");

module.exports = {
  ...base,
  testMatch: ["**/*.corpus.test.ts"],
  testPathIgnorePatterns: [],
  testTimeout: 600000,
};
