/*
 * Builds the task pane (Excel add-in and plain browser page) into dist/addin, and the WPS 表格
 * add-in (its ribbon page and the same pane, for the older Chromium inside WPS) into dist/wps.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

/** Where the add-in is served from in production; `npm run build` writes it into the manifest. */
const PRODUCTION_URL = process.env.SELFEVAL_ADDIN_URL || "https://selfeval.example.org/addin/";
const DEVELOPMENT_URL = "https://localhost:3000/";

/**
 * Where Office.js is loaded from: Microsoft's CDN, or for Microsoft 365 tenants operated by
 * 21Vianet in China, theirs (SELFEVAL_OFFICE_JS_ORIGIN=https://appsforoffice.cdn.partner.office365.cn).
 * The page's Content-Security-Policy allows scripts from this origin and no other.
 */
const OFFICE_JS_ORIGIN = (
  process.env.SELFEVAL_OFFICE_JS_ORIGIN || "https://appsforoffice.microsoft.com"
).replace(/\/$/, "");
if (!/^https:\/\/[a-z0-9.-]+$/.test(OFFICE_JS_ORIGIN)) {
  throw new Error(`SELFEVAL_OFFICE_JS_ORIGIN must be an https origin, not ${OFFICE_JS_ORIGIN}`);
}

/** Office loads add-ins over https only; the dev server uses the Office dev certificates. */
async function devServer() {
  const devCerts = require("office-addin-dev-certs");
  return {
    port: 3000,
    headers: { "Access-Control-Allow-Origin": "*" },
    static: false,
    server: { type: "https", options: await devCerts.getHttpsServerOptions() },
  };
}

/** Compiles TypeScript for the browser; `target` is the JavaScript the page must run in. */
function typescriptRule(production, target) {
  return {
    test: /\.tsx?$/,
    use: {
      loader: "ts-loader",
      options: {
        configFile: "tsconfig.json",
        onlyCompileBundledFiles: true,
        compilerOptions: {
          module: "esnext",
          sourceMap: !production,
          ...(target ? { target } : {}),
        },
      },
    },
    exclude: /node_modules/,
  };
}

/** The Excel add-in's pane, also the plain browser page. */
async function addin(env, production) {
  const baseUrl = production ? PRODUCTION_URL : DEVELOPMENT_URL;
  return {
    name: "addin",
    devServer: env.WEBPACK_SERVE ? await devServer() : undefined,
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist/addin"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [typescriptRule(production)] },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        templateParameters: { officeJsOrigin: OFFICE_JS_ORIGIN },
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              content.toString().replace(/https:\/\/localhost:3000\//g, baseUrl),
          },
        ],
      }),
    ],
  };
}

/**
 * The WPS add-in: index.html runs the ribbon's callbacks, taskpane.html is the pane. WPS's
 * Chromium is of an undocumented age, so both are ES2018 with polyfills — the packages'
 * code included, compiled down like the project's own.
 */
function wps(production) {
  return {
    name: "wps",
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    target: ["web", "es2018"],
    entry: { ribbon: "./src/taskpane/wps-ribbon.ts", pane: "./src/taskpane/wps-pane.tsx" },
    output: {
      path: path.resolve(__dirname, "dist/wps"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        typescriptRule(production, "es2018"),
        {
          test: /\.m?js$/,
          include: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: {
                allowJs: true,
                target: "es2018",
                module: "esnext",
                sourceMap: false,
              },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/wps/addin/index.html",
        chunks: ["ribbon"],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/wps/addin/taskpane.html",
        chunks: ["pane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/wps/addin/ribbon.xml", to: "ribbon.xml" },
          { from: "src/wps/addin/manifest.xml", to: "manifest.xml" },
          { from: "src/wps/addin/publish.html", to: "publish.html" },
          { from: "src/wps/addin/publish.js", to: "publish.js" },
        ],
      }),
    ],
  };
}

module.exports = async (env, argv) => {
  const production = argv.mode !== "development";
  // The dev server serves the Excel pane; the WPS add-in is built with `npm run build`.
  if (env.WEBPACK_SERVE) return addin(env, production);
  return [await addin(env, production), wps(production)];
};
