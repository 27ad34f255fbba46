import { hclConfigSchema } from "../config/config-schema.js";
import { InventorySchema } from "../inventory/schema.js";
import { suiteSchema } from "../suite/suite-schema.js";
import { waiverSchema } from "../suite/waivers.js";

/** The JSON Schema dialect the published files declare (Ajv's default, draft-07). */
const DIALECT = "http://json-schema.org/draft-07/schema#";

/**
 * The file formats hclkit publishes a JSON Schema for, by file name under `schemas/`: editors
 * complete files against them and consumers validate hclkit's output with them. The files are
 * generated from the schemas in the code (`npm run generate`); a test fails when they drift.
 *
 * @public
 */
export const PUBLISHED_SCHEMAS: Readonly<Record<string, object>> = {
  "inventory.schema.json": InventorySchema,
  "hclkit-config.schema.json": hclConfigSchema,
  "suite.schema.json": suiteSchema,
  "waiver.schema.json": waiverSchema,
};

/** The text of a published schema file: the dialect first, then the schema, two-space JSON. @public */
export function publishedSchemaText(schema: object): string {
  return `${JSON.stringify({ $schema: DIALECT, ...schema }, null, 2)}\n`;
}
