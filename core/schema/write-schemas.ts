// Writes schemas/*.schema.json from the schemas in the code: `npm run schemas` after a change.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PUBLISHED_SCHEMAS, publishedSchemaText } from "./published-schemas.js";

const out = fileURLToPath(new URL("../../../schemas/", import.meta.url));
for (const [name, schema] of Object.entries(PUBLISHED_SCHEMAS)) {
  writeFileSync(path.join(out, name), publishedSchemaText(schema));
  process.stdout.write(`schemas/${name}\n`);
}
