import { expect } from "chai";
import type { ValidateFunction } from "ajv";
import type { TSchema } from "typebox";
import { ERROR_CODES } from "../../core/errors/codes.js";
import { DiagnosticSchema } from "../../core/inventory/common.js";
import type { Diagnostic } from "../../core/inventory/common.js";
import { createAjv } from "../../core/schema/ajv.js";

const ajv = createAjv();
const validators = new WeakMap<TSchema, ValidateFunction>();

/**
 * Fails unless `value` matches `schema` (checked by Ajv, as consumers of the inventory check it);
 * `what` names the value in the message.
 */
export function expectValid(schema: TSchema, value: unknown, what?: string): void {
  let validate = validators.get(schema);
  if (validate === undefined) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  if (!validate(value))
    expect.fail(`${what === undefined ? "" : `${what}: `}${ajv.errorsText(validate.errors)}`);
}

/**
 * Every diagnostic is well formed: valid per {@link DiagnosticSchema}, an `HCL_E_EVIDENCE_*` code
 * of the error table, a message. With `file`, it is about that file (or, when `file` ends with
 * `/`, about a file under it); with `lines`, its line is within a text of that many lines.
 */
export function expectWellFormed(
  diagnostics: readonly Diagnostic[],
  file?: string,
  lines?: number,
): void {
  for (const d of diagnostics) {
    const said = JSON.stringify(d);
    expectValid(DiagnosticSchema, d);
    expect(Object.keys(ERROR_CODES), said).to.include(d.code);
    expect(d.code, said).to.match(/^HCL_E_EVIDENCE_/);
    expect(d.message, said).to.be.a("string").and.not.equal("");
    if (file !== undefined) {
      const about = file.endsWith("/") ? d.file.startsWith(file) : d.file === file;
      expect(about, `${d.file} is not ${file}`).to.equal(true);
    }
    if (lines !== undefined && d.line !== undefined)
      expect(d.line, said).to.be.within(1, Math.max(lines, 1));
  }
}
