import Type, { type Static, type TSchema } from "typebox";
import type { ErrorCode } from "../errors/codes.js";

/**
 * Where a value was read: the evidence file as cited (`logs/lspci_all`, or a sysfs path such as
 * `/sys/bus/pci/devices/0000:00:1f.0/class`) and, for text logs, the 1-based line range.
 *
 * @public
 */
export const SourceRefSchema = Type.Object(
  {
    file: Type.String({ minLength: 1 }),
    line: Type.Optional(Type.Integer({ minimum: 1 })),
    endLine: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
/** @public */
export type SourceRef = Static<typeof SourceRefSchema>;

/**
 * Something wrong with the evidence that did not stop the inventory: a file that could not be
 * read, binary data where text was expected, a malformed or truncated record. Codes are
 * `HCL_E_EVIDENCE_*` from the error table.
 *
 * @public
 */
export const DiagnosticSchema = Type.Object(
  {
    code: Type.String({ pattern: "^HCL_E_[A-Z_]+$" }),
    file: Type.String(),
    line: Type.Optional(Type.Integer({ minimum: 1 })),
    message: Type.String(),
    expected: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** A diagnostic; `code` is one of the error table's codes. @public */
export interface Diagnostic {
  readonly code: ErrorCode;
  readonly file: string;
  readonly line?: number;
  readonly message: string;
  readonly expected?: string;
}

/** `T | null`: a value the evidence may not tell. @public */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/**
 * What a parser or a collector gives: a value (`null` when the evidence cannot tell) and the
 * diagnostics met on the way. Parsers never throw on bad input and never run unbounded: every
 * loop advances through the text.
 *
 * @public
 */
export interface Parsed<T> {
  readonly value: T | null;
  readonly diagnostics: readonly Diagnostic[];
}
