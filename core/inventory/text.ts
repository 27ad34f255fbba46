import type { Diagnostic } from "./common.js";

/**
 * Decodes a log as UTF-8 text, or says why it is not text: NUL bytes, or more than 1 in 20
 * characters undecodable or control characters other than tab, CR, LF and form feed.
 *
 * @public
 */
export function decodeText(
  bytes: Uint8Array,
  file: string,
): { text: string } | { diagnostic: Diagnostic } {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.includes("\0")) return { diagnostic: binary(file, "NUL bytes") };
  // The common case, clean text, costs one native scan; counting runs only when needed.
  if (!SUSPECT.test(text)) return { text };
  const bad = text.match(SUSPECT_ALL)?.length ?? 0;
  if (text.length > 0 && bad * 20 > text.length)
    return { diagnostic: binary(file, `${bad} of ${text.length} characters are not text`) };
  return { text };
}

/** Undecodable bytes (U+FFFD) and control characters other than tab, LF, form feed and CR. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SUSPECT = /[\u0001-\u0008\u000b\u000e-\u001f\ufffd]/;
const SUSPECT_ALL = new RegExp(SUSPECT.source, "g");

function binary(file: string, why: string): Diagnostic {
  return {
    code: "HCL_E_EVIDENCE_BINARY",
    file,
    message: `${file} is not a text log (${why}); skipped`,
    expected: "text",
  };
}

/** The lines of a text, without their line breaks (`\n` or `\r\n`). Line `i` is number `i + 1`. @public */
export function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.endsWith("\r")) lines[i] = line.slice(0, -1);
  }
  return lines;
}
