import { expect } from "chai";
import { parseYaml } from "../../../../core/schema/yaml-source.js";

describe("parseYaml", () => {
  const text = "plugins:\n  - ./a\n  - ./b\nonLoadFailure:\n  default: stop\n";

  it("locates keys and items by key path, 1-based", () => {
    const result = parseYaml(text);
    if (!result.ok) throw new Error("expected valid YAML");
    expect(result.source.value).to.deep.equal({
      plugins: ["./a", "./b"],
      onLoadFailure: { default: "stop" },
    });
    expect(result.source.locate(["plugins", 1])).to.deep.equal({ line: 3, col: 5 });
    expect(result.source.locate(["onLoadFailure", "default"])).to.deep.equal({ line: 5, col: 3 });
  });

  it("falls back to the nearest existing ancestor for an absent key", () => {
    const result = parseYaml(text);
    if (!result.ok) throw new Error("expected valid YAML");
    expect(result.source.locate(["onLoadFailure", "missing"])).to.deep.equal({ line: 4, col: 1 });
  });

  it("reports syntax errors and duplicate keys with their position", () => {
    const duplicate = parseYaml("a: 1\nb: 2\na: 2\n");
    expect(duplicate.ok ? [] : duplicate.errors).to.deep.equal([
      { line: 3, col: 1, message: "Map keys must be unique" },
    ]);
    const unclosed = parseYaml("plugins: [a, b\n");
    expect(unclosed.ok ? [] : unclosed.errors.map((e) => e.line)).to.not.be.empty;
  });
});
