/** The code of one ASL line: comments removed, strings kept, and its braces outside strings. */
export interface AslLine {
  /** The line without `//` and `/* … *\/` comments, leading and trailing space trimmed. */
  readonly code: string;
  /** The `{` and `}` outside strings and comments, in order (`"{}"`, `"}"`). */
  readonly braces: string;
}

/** Carries an unfinished `/* …` comment from one line to the next. */
export interface CommentState {
  inComment: boolean;
}

/** The characters that matter to the scan: strings, comments, braces. */
const SPECIAL = /["/{}]/g;

/**
 * Splits one line of disassembled ASL (iasl `-d`) into code and braces: `//` ends the code,
 * `/* … *\/` is removed (and may span lines, through `state`), and a `"…"` string (with `\`
 * escapes) is kept whole so a brace or slash in it counts for nothing. Jumps from one special
 * character to the next, so the cost is one native scan of the line.
 *
 * @public
 */
export function splitAslLine(line: string, state: CommentState): AslLine {
  const n = line.length;
  let i = 0;
  if (state.inComment) {
    const close = line.indexOf("*/");
    if (close < 0) return { code: "", braces: "" };
    state.inComment = false;
    i = close + 2;
  }
  let code = "";
  let braces = "";
  let from = i;
  SPECIAL.lastIndex = i;
  for (let match = SPECIAL.exec(line); match !== null; match = SPECIAL.exec(line)) {
    const at = match.index;
    const c = line.charCodeAt(at);
    if (c === 0x22 /* " */) {
      let j = at + 1;
      while (j < n && line.charCodeAt(j) !== 0x22) j += line.charCodeAt(j) === 0x5c ? 2 : 1;
      SPECIAL.lastIndex = Math.min(j + 1, n);
      if (j >= n) break;
      continue;
    }
    if (c === 0x2f /* / */) {
      const next = line.charCodeAt(at + 1);
      if (next === 0x2f) {
        code += line.slice(from, at);
        from = n;
        break;
      }
      if (next === 0x2a /* * */) {
        code += line.slice(from, at) + " ";
        const close = line.indexOf("*/", at + 2);
        if (close < 0) {
          state.inComment = true;
          from = n;
          break;
        }
        from = close + 2;
        SPECIAL.lastIndex = from;
      }
      continue;
    }
    braces += c === 0x7b ? "{" : "}";
  }
  SPECIAL.lastIndex = 0;
  if (from < n) code += line.slice(from);
  return { code: code.trim(), braces };
}
