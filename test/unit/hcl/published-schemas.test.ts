import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { publishedSchemaText } from "../../../core/schema/published-schemas.js";
import { HCL_PUBLISHED_SCHEMAS } from "../../../hcl/published-schemas.js";
import { REPO } from "../../helpers/paths.js";

describe("hcl/published-schemas", () => {
  for (const [name, schema] of Object.entries(HCL_PUBLISHED_SCHEMAS))
    it(`schemas/${name} is what the code generates (run npm run generate after changing a schema)`, () => {
      const committed = readFileSync(path.join(REPO, "schemas", name), "utf8");
      expect(
        committed === publishedSchemaText(schema),
        `schemas/${name} has drifted from the code`,
      ).to.equal(true);
    });
});
