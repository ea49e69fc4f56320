/** Tests against independent programs (LibreOffice); `npm run test:interop`. */
const base = require("./jest.config");

module.exports = { ...base, testMatch: ["**/*.interop.test.ts"], testPathIgnorePatterns: [] };
