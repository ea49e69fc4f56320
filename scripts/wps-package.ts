/**
 * After the build: the WPS add-in's deployment files beside dist/wps — the offline package
 * (the add-in folder as `selfeval_<version>/` in a .7z, which WPS unpacks into its jsaddons
 * folder) and the two lists an intranet server publishes: jsplugins.xml (online: WPS loads the
 * add-in from the server at every start) and jsplugins-offline.xml (WPS fetches the package).
 * SELFEVAL_WPS_URL is where dist/wps is served from.
 */
import SevenZip from "7z-wasm";
import { readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { join, relative } from "path";
import { version } from "../package.json";

const DIST = join(__dirname, "..", "dist", "wps");
const NAME = "selfeval";
const BASE = (process.env.SELFEVAL_WPS_URL || "http://selfeval.intranet/wps/").replace(/\/?$/, "/");
if (!/^https?:\/\/[^\s"<>]+\/$/.test(BASE))
  throw new Error(`SELFEVAL_WPS_URL is not an address: ${BASE}`);

/** What the add-in itself is made of: not the deployment files written here. */
const NOT_PACKED = /^(publish\.(html|js)|jsplugins(-offline)?\.xml|.*\.7z)$/;

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

async function main(): Promise<void> {
  const folder = `${NAME}_${version}`;
  const sevenZip = await SevenZip({ print: () => undefined, printErr: () => undefined });
  const made = new Set<string>();
  for (const path of files(DIST)) {
    const inside = relative(DIST, path).split("\\").join("/");
    if (NOT_PACKED.test(inside)) continue;
    const target = `/${folder}/${inside}`;
    const parts = target.split("/").slice(1, -1);
    parts.forEach((_, k) => {
      const dir = `/${parts.slice(0, k + 1).join("/")}`;
      if (!made.has(dir)) sevenZip.FS.mkdir(dir);
      made.add(dir);
    });
    sevenZip.FS.writeFile(target, readFileSync(path));
  }
  sevenZip.FS.chdir("/");
  const archive = `${folder}.7z`;
  sevenZip.callMain(["a", "-t7z", archive, folder]);
  writeFileSync(join(DIST, archive), sevenZip.FS.readFile(archive));
  writeFileSync(
    join(DIST, "jsplugins.xml"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${BASE}"/>\n</jsplugins>\n`
  );
  writeFileSync(
    join(DIST, "jsplugins-offline.xml"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${NAME}" type="et" version="${version}" url="${BASE}${archive}"/>\n</jsplugins>\n`
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`wps-package: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
