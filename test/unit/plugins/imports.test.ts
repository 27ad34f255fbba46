import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { REPO } from "../../helpers/paths.js";

const PLUGINS = path.join(REPO, "plugins");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(path.join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [path.join(dir, e.name)]
        : [],
  );
}

/** Each import of a file: whether it is type-only, and the repository path it names. */
function imports(file: string): { typeOnly: boolean; target: string }[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)";/gms)].map((m) => ({
    typeOnly: m[1] !== undefined,
    target: m[2]!.startsWith(".")
      ? path.relative(REPO, path.resolve(path.dirname(file), m[2]!))
      : m[2]!,
  }));
}

describe("built-in plugins' imports", () => {
  it("load only the plugin API and _lib at run time; core types come in erased", () => {
    const wrong: string[] = [];
    for (const file of sources(PLUGINS)) {
      const own = path.relative(PLUGINS, file).split(path.sep)[0]!;
      for (const { typeOnly, target } of imports(file)) {
        const ok =
          target === "core/plugin/api.js" ||
          target.startsWith("plugins/_lib/") ||
          target.startsWith(`plugins/${own}/`) ||
          (typeOnly && target.startsWith("core/inventory/"));
        if (!ok)
          wrong.push(
            `${path.relative(REPO, file)}: ${typeOnly ? "import type" : "import"} ${target}`,
          );
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it("keep _lib free of any one platform", () => {
    const wrong = sources(path.join(PLUGINS, "_lib")).flatMap((file) =>
      imports(file)
        .filter((i) => i.target.startsWith("plugins/") && !i.target.startsWith("plugins/_lib/"))
        .map((i) => `${file}: ${i.target}`),
    );
    expect(wrong).to.deep.equal([]);
  });
});
