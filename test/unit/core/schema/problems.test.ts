import { expect } from "chai";
import { createAjv } from "../../../../core/schema/ajv.js";
import { formatKeyPath, parsePointer, problemsFromAjv } from "../../../../core/schema/problems.js";

describe("problemsFromAjv", () => {
  const validate = createAjv().compile({
    type: "object",
    required: ["id"],
    additionalProperties: false,
    properties: {
      id: { type: "string", pattern: "^[a-z]+$", description: "a lower-case word" },
      severity: { enum: ["must", "should", "may"] },
      limits: { type: "object", properties: { min: { type: "number" } } },
    },
  });

  function problems(data: unknown): string[] {
    validate(data);
    return problemsFromAjv(validate.errors).map((p) => `${formatKeyPath(p.path)}: ${p.message}`);
  }

  it("names unknown keys with the valid ones and the nearest", () => {
    expect(problems({ id: "a", severty: "must" })).to.deep.equal([
      'severty: unknown key "severty"; expected one of id, severity, limits; did you mean "severity"?',
    ]);
  });

  it("says what was found and what was expected", () => {
    expect(problems({ id: "A1", severity: "mst", limits: { min: "5" } })).to.deep.equal([
      'id: found "A1", expected a lower-case word',
      'severity: found "mst", expected one of "must", "should", "may"; did you mean "must"?',
      'limits.min: found "5", expected number',
    ]);
  });

  it("reports missing keys at their parent", () => {
    expect(problems({})).to.deep.equal(['(root): missing required key "id"']);
  });
});

describe("key paths", () => {
  it("reads JSON pointers, indexes as numbers and escapes undone", () => {
    expect(parsePointer("/drivers/2/class")).to.deep.equal(["drivers", 2, "class"]);
    expect(parsePointer("/a~1b/~0c/01")).to.deep.equal(["a/b", "~c", "01"]);
    expect(parsePointer("")).to.deep.equal([]);
  });

  it("formats paths the way they are written in code", () => {
    expect(formatKeyPath(["drivers", 2, "class"])).to.equal("drivers[2].class");
    expect(formatKeyPath(["plugins", "/abs/path"])).to.equal('plugins["/abs/path"]');
    expect(formatKeyPath([])).to.equal("(root)");
  });
});
