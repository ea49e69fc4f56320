/**
 * ESLint as Microsoft's add-in template sets it up (eslint-plugin-office-addins: the Office.js
 * load/sync rules, typescript-eslint, Prettier), and the project's borders as rules: Office.js
 * only in src/excel, the WPS object model only in src/wps, Node's built-ins only where the
 * command line runs, nothing but core below core.
 */
const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");

const NODE_BUILT_INS = [
  "fs",
  "fs/promises",
  "path",
  "zlib",
  "os",
  "child_process",
  "worker_threads",
].flatMap((name) => [name, `node:${name}`]);

const OFFICE_GLOBALS = ["Excel", "Office"].map((name) => ({
  name,
  message: "Office.js belongs in src/excel.",
}));
/** WPS 表格's object model: `Application` (and the deprecated `wps`) of every add-in page. */
const WPS_GLOBALS = ["Application", "wps"].map((name) => ({
  name,
  message: "The WPS object model belongs in src/wps.",
}));

module.exports = [
  { ignores: ["dist/**", "node_modules/**", "out/**", "coverage/**", "bin/**"] },
  ...officeAddins.configs.react,
  {
    // The build's own configuration files and scripts: CommonJS, run by Node.
    files: ["*.js", "scripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        Buffer: "readonly",
        console: "readonly",
      },
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 2022, sourceType: "module" },
    },
    rules: {
      // TypeScript checks names; the base rule knows neither types nor the DOM and Node globals.
      "no-undef": "off",
      "no-redeclare": "off",
      // Its TypeScript twin (on in the office-addins config) knows parameter names in types.
      "no-unused-vars": "off",
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    // The Office.js load/sync rules read any `.load()` and `.sync()` as Office.js: only where it is.
    files: ["**/*.{ts,tsx}"],
    ignores: [
      "src/excel/**",
      "src/commands/**",
      "test/excel/**",
      "test/commands/**",
      "test/e2e/**",
    ],
    rules: Object.fromEntries(
      Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "off"])
    ),
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { varsIgnorePattern: "^_", argsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/excel/**", "src/wps/**"],
    rules: {
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS, ...WPS_GLOBALS],
    },
  },
  {
    files: ["src/excel/**/*.{ts,tsx}"],
    rules: { "no-restricted-globals": ["error", ...WPS_GLOBALS] },
  },
  {
    files: ["src/wps/**/*.{ts,tsx}"],
    rules: { "no-restricted-globals": ["error", ...OFFICE_GLOBALS] },
  },
  {
    files: ["src/core/**", "src/package/**", "src/report/**", "src/taskpane/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [...NODE_BUILT_INS, "exceljs"].map((name) => ({
            name,
            message: "Node-only and exceljs code stays out of what the browser runs.",
          })),
        },
      ],
    },
  },
];
