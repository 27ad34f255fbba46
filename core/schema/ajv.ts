import { Ajv, type Options } from "ajv";

/**
 * A new Ajv instance with hclkit's settings: every error reported (not just the first), the
 * offending data and schema kept for messages, strict schemas. Validators are compiled once
 * per schema by their owning module and reused.
 *
 * @public
 */
export function createAjv(options: Options = {}): Ajv {
  return new Ajv({ allErrors: true, verbose: true, strict: true, ...options });
}
