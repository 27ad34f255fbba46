// Writes the generated artifacts from the schemas in the code (`npm run generate`): the published
// JSON Schemas under schemas/ (the core's and hcl/'s), and the validators precompiled by Ajv. It
// lives in hcl/, the top of the dependency graph, because it publishes both layers' schemas.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pluginValidatorsSource } from "../core/plugin/compile-validators.js";
import { suiteValidatorsSource } from "../core/suite/compile-suite-validators.js";
import { PUBLISHED_SCHEMAS, publishedSchemaText } from "../core/schema/published-schemas.js";
import { HCL_PUBLISHED_SCHEMAS } from "./published-schemas.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
for (const [name, schema] of Object.entries({ ...PUBLISHED_SCHEMAS, ...HCL_PUBLISHED_SCHEMAS })) {
  writeFileSync(path.join(repo, "schemas", name), publishedSchemaText(schema));
  process.stdout.write(`schemas/${name}\n`);
}
writeFileSync(
  path.join(repo, "core/plugin/plugin-validators.generated.ts"),
  pluginValidatorsSource(),
);
process.stdout.write("core/plugin/plugin-validators.generated.ts\n");
writeFileSync(path.join(repo, "core/suite/suite-validators.generated.ts"), suiteValidatorsSource());
process.stdout.write("core/suite/suite-validators.generated.ts\n");
