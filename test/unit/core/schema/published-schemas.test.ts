import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import {
  PUBLISHED_SCHEMAS,
  publishedSchemaText,
} from "../../../../core/schema/published-schemas.js";
import { REPO } from "../../../helpers/paths.js";

describe("published schemas", () => {
  for (const [name, schema] of Object.entries(PUBLISHED_SCHEMAS)) {
    it(`schemas/${name} is what the code generates (run npm run generate after changing a schema)`, () => {
      const committed = readFileSync(path.join(REPO, "schemas", name), "utf8");
      expect(
        committed === publishedSchemaText(schema),
        `schemas/${name} has drifted from the code`,
      ).to.equal(true);
    });
  }
});

describe("precompiled plugin validators", () => {
  it("core/plugin/plugin-validators.generated.ts is what Ajv generates from the plugin schemas (run npm run generate)", async () => {
    const { pluginValidatorsSource } =
      await import("../../../../core/plugin/compile-validators.js");
    const committed = readFileSync(
      path.join(REPO, "core/plugin/plugin-validators.generated.ts"),
      "utf8",
    );
    expect(
      committed === pluginValidatorsSource(),
      "the generated plugin validators have drifted from the schemas",
    ).to.equal(true);
  });
});

describe("precompiled suite and waiver validators", () => {
  it("core/suite/suite-validators.generated.ts is what Ajv generates from the suite and waiver schemas (run npm run generate)", async () => {
    const { suiteValidatorsSource } =
      await import("../../../../core/suite/compile-suite-validators.js");
    const committed = readFileSync(
      path.join(REPO, "core/suite/suite-validators.generated.ts"),
      "utf8",
    );
    expect(
      committed === suiteValidatorsSource(),
      "the generated suite validators have drifted from the schemas",
    ).to.equal(true);
  });
});
