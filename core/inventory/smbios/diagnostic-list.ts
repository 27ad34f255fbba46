import type { Diagnostic } from "../common.js";

/** Most diagnostics one parse reports before summing up the rest in one more. */
const MAX_DIAGNOSTICS = 100;

/**
 * Collects a parser's diagnostics, at most {@link MAX_DIAGNOSTICS} of them and then one that
 * counts the rest, so that a file of garbage gives a readable report rather than one line per
 * garbage line.
 */
export class DiagnosticList {
  private readonly list: Diagnostic[] = [];
  private dropped = 0;

  constructor(private readonly file: string) {}

  /** Adds one diagnostic about `file`, at `line` when the evidence has lines. */
  add(
    code: Diagnostic["code"],
    message: string,
    options: { line?: number; expected?: string } = {},
  ): void {
    if (this.list.length >= MAX_DIAGNOSTICS) {
      this.dropped++;
      return;
    }
    const diagnostic: Diagnostic = { code, file: this.file, message };
    this.list.push({
      ...diagnostic,
      ...(options.line === undefined ? {} : { line: options.line }),
      ...(options.expected === undefined ? {} : { expected: options.expected }),
    });
  }

  /** The diagnostics collected, with a last one counting those left out. */
  done(): Diagnostic[] {
    if (this.dropped === 0) return this.list;
    return [
      ...this.list,
      {
        code: "HCL_E_EVIDENCE_MALFORMED",
        file: this.file,
        message: `${this.dropped} more problems in ${this.file} not listed`,
      },
    ];
  }
}
