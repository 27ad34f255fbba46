import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** hclkit's own package.json: name and version. */
export interface PackageInfo {
  readonly name: string;
  readonly version: string;
}

/**
 * Reads hclkit's package.json, found upwards from this module (it sits two levels above the
 * sources and three above the built output). Kept free of other imports: `--version` loads
 * only this module.
 */
export function packageInfo(): PackageInfo {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as Partial<PackageInfo>;
      if (pkg.name === "hclkit" && typeof pkg.version === "string")
        return { name: pkg.name, version: pkg.version };
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error("hclkit's own package.json is missing: the installation is broken");
    dir = parent;
  }
}

/** hclkit's package folder (holding package.json). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json")) || !existsSync(path.join(dir, "hcl"))) {
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error("hclkit's own package.json is missing: the installation is broken");
    dir = parent;
  }
  return dir;
}

/** The folders of the suites hclkit ships: `hcl/suites` of the package. */
export function shippedSuiteDirs(): string[] {
  return [path.join(packageRoot(), "hcl", "suites")];
}
