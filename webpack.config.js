/* Builds the task pane (Excel add-in and plain browser page) into dist/addin. */
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

module.exports = async (env, argv) => {
  const production = argv.mode !== "development";
  const baseUrl = production ? PRODUCTION_URL : DEVELOPMENT_URL;
  return {
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
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: "tsconfig.json",
              onlyCompileBundledFiles: true,
              compilerOptions: { module: "esnext", sourceMap: !production },
            },
          },
          exclude: /node_modules/,
        },
      ],
    },
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
};
