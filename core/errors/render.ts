import { HclError } from "./hcl-error.js";
import { firstLine } from "../util/text.js";

/** Options of {@link renderError}. @public */
export interface RenderOptions {
  /** Add stack traces (the CLI's `--debug`). */
  readonly debug?: boolean;
}

/**
 * Wraps anything thrown into an {@link HclError}: an `HclError` stays as it is, anything else is a
 * bug in hclkit and becomes `HCL_E_INTERNAL` with the original as its cause.
 *
 * @public
 */
export function toHclError(error: unknown): HclError {
  if (error instanceof HclError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new HclError("HCL_E_INTERNAL", `internal error: ${message}`, {
    hint: "This is a bug in hclkit. Rerun with --debug and report the output.",
    cause: error,
  });
}

/**
 * Renders an error for a terminal, the way oclif does:
 *
 * ```
 * Error: <message>
 * Code: HCL_E_…
 * Try this: <hint>
 * Caused by: <cause>            (one line per link of the cause chain)
 * ```
 *
 * Stacks appear only with `debug`; a user error never shows one otherwise.
 *
 * @public
 */
export function renderError(error: unknown, options: RenderOptions = {}): string {
  const err = toHclError(error);
  const lines = [`Error: ${err.message}`, `Code: ${err.code}`];
  if (err.hint !== undefined) lines.push(`Try this: ${err.hint}`);
  for (const cause of causeChain(err)) lines.push(`Caused by: ${describeCause(cause)}`);
  if (options.debug) {
    lines.push("", "Stack:", indent(err.stack ?? "(no stack)"));
    for (const cause of causeChain(err)) {
      if (cause instanceof Error)
        lines.push("", "Cause stack:", indent(cause.stack ?? "(no stack)"));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The causes below `error`, nearest first; stops on cycles. */
function causeChain(error: Error): unknown[] {
  const chain: unknown[] = [];
  const seen = new Set<unknown>([error]);
  let cause: unknown = error.cause;
  while (cause !== undefined && !seen.has(cause)) {
    chain.push(cause);
    seen.add(cause);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return chain;
}

function describeCause(cause: unknown): string {
  if (cause instanceof HclError) return `${cause.message} (${cause.code})`;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    const suffix = typeof code === "string" ? ` (${code})` : "";
    return `${cause.name}: ${firstLine(cause.message)}${suffix}`;
  }
  return String(cause);
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}
