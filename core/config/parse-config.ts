import type { ValidateFunction } from "ajv";
import { HclError } from "../errors/hcl-error.js";
import { createAjv } from "../schema/ajv.js";
import { formatKeyPath, problemsFromAjv } from "../schema/problems.js";
import { parseYaml } from "../schema/yaml-source.js";
import { hclConfigSchema, type HclConfig } from "./config-schema.js";

let validator: ValidateFunction<HclConfig> | undefined;

/**
 * Parses and validates the text of a configuration file.
 *
 * @throws HclError `HCL_E_CONFIG_PARSE` (YAML syntax) or `HCL_E_CONFIG_INVALID` (schema),
 *   naming `file:line:col`, the key path, what was found and what was expected.
 * @public
 */
export function parseConfig(text: string, file: string): HclConfig {
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    const list = parsed.errors.map((e) => `  ${file}:${e.line}:${e.col} ${e.message}`).join("\n");
    throw new HclError("HCL_E_CONFIG_PARSE", `${file} is not valid YAML:\n${list}`, {
      hint: "Fix the YAML syntax at the position shown.",
      details: { file, line: first?.line, col: first?.col, errors: parsed.errors },
    });
  }
  const value = parsed.source.value ?? {};
  validator ??= createAjv().compile(hclConfigSchema);
  if (!validator(value)) {
    const problems = problemsFromAjv(validator.errors).map((p) => {
      const at = parsed.source.locate(p.path);
      const where = at === undefined ? file : `${file}:${at.line}:${at.col}`;
      return { ...p, where, text: `${where} ${formatKeyPath(p.path)}: ${p.message}` };
    });
    throw new HclError(
      "HCL_E_CONFIG_INVALID",
      `${file} breaks the configuration schema:\n${problems.map((p) => `  ${p.text}`).join("\n")}`,
      {
        hint: "Valid keys are plugins, onLoadFailure, pluginTimeoutMs and tpm (see README.md, Configuration).",
        details: {
          file,
          problems: problems.map((p) => ({
            at: p.where,
            path: formatKeyPath(p.path),
            message: p.message,
          })),
        },
      },
    );
  }
  return value;
}
