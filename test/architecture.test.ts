import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";

/** The borders of DESIGN.md: one engine, thin hosts. */
const SRC = join(__dirname, "..", "src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sources(SRC).map((path) => ({
  path: relative(SRC, path),
  text: readFileSync(path, "utf8"),
}));
const imports = (text: string) =>
  [...text.matchAll(/from '([^']+)'|import\('([^']+)'\)|require\('([^']+)'\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3]
  );

test("there are sources to check", () => {
  expect(files.filter((f) => f.path.startsWith("core")).length).toBeGreaterThan(5);
});

test("core imports nothing but core", () => {
  const offending = files
    .filter((f) => f.path.startsWith("core"))
    .flatMap((f) =>
      imports(f.text)
        .filter(
          (i) => !i.startsWith(".") || !relative(SRC, join(SRC, f.path, "..", i)).startsWith("core")
        )
        .map((i) => `${f.path} → ${i}`)
    );
  expect(offending).toEqual([]);
});

test("report/ imports nothing but core and itself", () => {
  const offending = files
    .filter((f) => f.path.startsWith("report"))
    .flatMap((f) =>
      imports(f.text)
        .filter((i) => !i.startsWith("./") && !i.startsWith("../core/"))
        .map((i) => `${f.path} → ${i}`)
    );
  expect(offending).toEqual([]);
});

test("only excel/ touches the Excel and Office globals", () => {
  const offending = files
    .filter((f) => !f.path.startsWith("excel"))
    .filter((f) =>
      /\b(Excel|Office)\.(run|context|onReady|RequestContext|Range|Worksheet)\b/.test(f.text)
    )
    .map((f) => f.path);
  expect(offending).toEqual([]);
});

const NODE_BUILT_INS = /^(node:)?(fs|fs\/promises|path|zlib|os|child_process|worker_threads)$/;

test("only file/ and cli/ touch Node’s built-ins", () => {
  const offending = files
    .filter((f) => !f.path.startsWith("file") && !f.path.startsWith("cli"))
    .flatMap((f) =>
      imports(f.text)
        .filter((i) => NODE_BUILT_INS.test(i))
        .map((i) => `${f.path} → ${i}`)
    );
  expect(offending).toEqual([]);
});

test("package/ (the .xlsx editor, also in the browser) imports only core, fflate and itself", () => {
  const offending = files
    .filter((f) => f.path.startsWith("package"))
    .flatMap((f) =>
      imports(f.text)
        .filter((i) => !i.startsWith("./") && !i.startsWith("../core/") && i !== "fflate")
        .map((i) => `${f.path} → ${i}`)
    );
  expect(offending).toEqual([]);
});

test("no source reads or writes workbooks through exceljs any more", () => {
  expect(files.filter((f) => imports(f.text).includes("exceljs")).map((f) => f.path)).toEqual([]);
});

test("the hosts (excel/, file/, wps/, commands/, cli/) never import from the pane", () => {
  const offending = files
    .filter((f) => /^(excel|file|wps|commands|cli)\//.test(f.path))
    .flatMap((f) =>
      imports(f.text)
        .filter((i) => i.includes("taskpane/"))
        .map((i) => `${f.path} → ${i}`)
    );
  expect(offending).toEqual([]);
});
