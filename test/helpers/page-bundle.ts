import { basename, join } from "path";
import webpack from "webpack";

/**
 * Bundles a test double for a page with the project's own webpack, to be injected before the
 * page's scripts (`page.addInitScript`). The Office.js client the Excel double measures its
 * requests with is loaded the browser's way: from its text, in a frame of its own.
 */
export function bundleForPage(entry: string, outDir: string): Promise<string> {
  const filename = basename(entry).replace(/\.ts$/, ".js");
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    entry,
    output: { path: outDir, filename },
    resolve: { extensions: [".ts", ".js"] },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(
        /[\\/]office-js-library$/,
        join(__dirname, "office-js-library.browser.ts")
      ),
    ],
    module: {
      rules: [
        { test: /office-js[\\/]dist[\\/]excel-web-16\.00\.js$/, type: "asset/source" },
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: { transpileOnly: true, compilerOptions: { module: "esnext" } },
        },
      ],
    },
  });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      if (error || !stats || stats.hasErrors())
        reject(error ?? new Error(stats?.toString("errors-only")));
      else resolve(join(outDir, filename));
    })
  );
}
