import type { ValidateFunction } from "ajv";
import { createAjv } from "../schema/ajv.js";
import { parseYamlText, validateYaml, type YamlFileKind } from "../schema/read-yaml-file.js";
import { hclConfigSchema, type HclConfig } from "./config-schema.js";

let validator: ValidateFunction<HclConfig> | undefined;

const CONFIG_KIND: YamlFileKind = {
  noun: "configuration file",
  maxBytes: 1024 * 1024,
  parseCode: "HCL_E_CONFIG_PARSE",
  invalidCode: "HCL_E_CONFIG_INVALID",
  invalidHeading: "breaks the configuration schema",
  hint: "Valid keys are plugins, onLoadFailure, pluginTimeoutMs and tpm (see README.md, Configuration).",
};

/**
 * Parses and validates the text of a configuration file.
 *
 * @throws HclError `HCL_E_CONFIG_PARSE` (YAML syntax) or `HCL_E_CONFIG_INVALID` (schema),
 *   naming `file:line:col`, the key path, what was found and what was expected.
 * @public
 */
export function parseConfig(text: string, file: string): HclConfig {
  const yaml = parseYamlText(text, file, CONFIG_KIND, "");
  validator ??= createAjv().compile(hclConfigSchema);
  return validateYaml(yaml, CONFIG_KIND, validator);
}
