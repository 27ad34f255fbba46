import { createHash } from "node:crypto";
import { readFile, readdir, readlink, stat } from "node:fs/promises";
import path from "node:path";

/** Folders that are never part of a plugin's content. */
const SKIPPED = new Set(["node_modules", ".git"]);

/**
 * The content digest of a plugin: SHA-256 over a sorted manifest of `sha256  relative/path`
 * lines (the `sha256sum` format), one per file of the package (symbolic links by their
 * target), `node_modules` and `.git` excluded. It depends only on names and bytes, so it is
 * the same on every machine that has the same plugin code.
 *
 * @param root - the package folder, or the module file of a single-file plugin.
 * @returns `sha256:<hex>`.
 * @public
 */
export async function digestPlugin(root: string): Promise<string> {
  const info = await stat(root);
  const lines = info.isFile()
    ? [`${await fileDigest(root)}  ${path.basename(root)}`]
    : await folderLines(root, "");
  lines.sort();
  return `sha256:${createHash("sha256")
    .update(lines.map((l) => `${l}\n`).join(""))
    .digest("hex")}`;
}

async function folderLines(dir: string, prefix: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const lines: string[] = [];
  for (const entry of entries) {
    if (SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) lines.push(...(await folderLines(full, relative)));
    else if (entry.isSymbolicLink()) lines.push(`link:${await readlink(full)}  ${relative}`);
    else if (entry.isFile()) lines.push(`${await fileDigest(full)}  ${relative}`);
  }
  return lines;
}

async function fileDigest(file: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
}
