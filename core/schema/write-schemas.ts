// Writes the generated artifacts from the schemas in the code (`npm run generate`): the published
// JSON Schemas under schemas/, and the plugin validators precompiled by Ajv.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pluginValidatorsSource } from "../plugin/compile-validators.js";
import { suiteValidatorsSource } from "../suite/compile-suite-validators.js";
import { PUBLISHED_SCHEMAS, publishedSchemaText } from "./published-schemas.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
for (const [name, schema] of Object.entries(PUBLISHED_SCHEMAS)) {
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
