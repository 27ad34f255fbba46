import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { REPO } from "../../../helpers/paths.js";

/** Static imports and string-literal dynamic imports of a built module. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(
    /^\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"|^\s*import\s+"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/gm,
  )) {
    const spec = match[1] ?? match[2] ?? match[3];
    if (spec !== undefined) found.push(spec);
  }
  return found;
}

/** Every module of dist/ reachable from `entry`, and the bare packages they import. */
function reachable(entry: string): { modules: Set<string>; packages: Map<string, string> } {
  const modules = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (modules.has(file)) continue;
    modules.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith(".")) {
        const target = path.resolve(path.dirname(file), spec);
        if (existsSync(target)) queue.push(target);
      } else if (!spec.startsWith("node:")) {
        const name = spec.startsWith("@")
          ? spec.split("/").slice(0, 2).join("/")
          : (spec.split("/")[0] as string);
        if (!packages.has(name)) packages.set(name, path.relative(REPO, file));
      }
    }
  }
  return { modules, packages };
}

describe("start-up imports of the built CLI", () => {
  it("loads no schema library on the way to reading an inventory (TypeBox costs ~150 ms to load)", () => {
    const { packages } = reachable(path.join(REPO, "dist/core/inventory/read-inventory.js"));
    expect(packages.get("typebox"), `typebox is imported by ${packages.get("typebox")}`).to.equal(
      undefined,
    );
    expect(packages.get("ajv"), `ajv is imported by ${packages.get("ajv")}`).to.equal(undefined);
  });

  it('keeps the plugin API ("hclkit") free of the DI container and schema libraries', () => {
    const { packages } = reachable(path.join(REPO, "dist/core/index.js"));
    expect([...packages.keys()]).to.deep.equal([]);
  });

  it("imports statically only package-info.js from bin.js, so --version loads nothing else", () => {
    const text = readFileSync(path.join(REPO, "dist/core/cli/bin.js"), "utf8");
    const statics = [...text.matchAll(/^import\s[^;]*?from\s+"([^"]+)"|^import\s+"([^"]+)"/gm)].map(
      (m) => m[1] ?? m[2],
    );
    expect(statics).to.deep.equal(["./package-info.js"]);
    expect(
      importsOf(path.join(REPO, "dist/core/cli/package-info.js")).every((s) =>
        s.startsWith("node:"),
      ),
    ).to.equal(true);
  });
});
