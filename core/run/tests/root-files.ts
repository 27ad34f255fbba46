import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

/**
 * The host path of `file` (an absolute path of the machine: `/proc/net/tcp`) under `root` (`/`
 * live, or a sysroot). `..` cannot climb above the root.
 *
 * @public
 */
export function underRoot(root: string, file: string): string {
  return path.join(root, path.posix.resolve("/", file));
}

function isAbsent(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === "ENOENT" || code === "ENOTDIR";
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : (error as Error).message;
}

/**
 * The text of `file` under `root`; `null` when it does not exist. Any other failure (permission,
 * I/O error, a folder) throws an Error naming the file: the test cannot read what it needs.
 *
 * @public
 */
export async function readRootText(root: string, file: string): Promise<string | null> {
  try {
    return await readFile(underRoot(root, file), "utf8");
  } catch (error) {
    if (isAbsent(error)) return null;
    throw new Error(`cannot read ${file} under ${root}: ${describe(error)}`, { cause: error });
  }
}

/**
 * The names in folder `dir` under `root`, sorted; `null` when it does not exist. Other failures
 * throw an Error naming the folder.
 *
 * @public
 */
export async function listRoot(root: string, dir: string): Promise<string[] | null> {
  try {
    return (await readdir(underRoot(root, dir))).sort();
  } catch (error) {
    if (isAbsent(error)) return null;
    throw new Error(`cannot list ${dir} under ${root}: ${describe(error)}`, { cause: error });
  }
}
