import { decodeEisaId } from "./eisa-id.js";

/** A plausible id string: printable, no space or quote, at most 32 characters. */
const ID_STRING = /^[\x21\x23-\x7e]{1,32}$/;

/**
 * The device id an ASL expression denotes when it is a literal: `EisaId ("PNP0C0D")`, a string
 * `"MSFT0101"`, or an integer holding a compressed EISA id (`0x0201D824` → `IFX0102`).
 * `null` for anything else (`Local0`, `HIDV`, `0x0F`), since only a literal can be read without
 * running the firmware.
 *
 * @public
 */
export function aslLiteralId(expression: string): string | null {
  const text = expression.trim();
  if (text.startsWith("EisaId")) {
    const open = text.indexOf('"');
    const close = open < 0 ? -1 : text.indexOf('"', open + 1);
    const id = close < 0 ? "" : text.slice(open + 1, close);
    return ID_STRING.test(id) && text.slice(close + 1).trim() === ")" ? id : null;
  }
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    const id = text.slice(1, -1);
    return ID_STRING.test(id) ? id : null;
  }
  if (/^0[xX][0-9A-Fa-f]{1,8}$/.test(text)) return decodeEisaId(Number.parseInt(text, 16));
  return null;
}

/**
 * A `_UID` value as the kernel prints it: an integer in decimal (`0x0A` → `10`, `One` → `1`),
 * a string as is; `null` for a computed value.
 *
 * @public
 */
export function aslUid(expression: string): string | null {
  const text = expression.trim();
  if (text === "Zero") return "0";
  if (text === "One") return "1";
  if (/^0[xX][0-9A-Fa-f]{1,16}$/.test(text)) return BigInt(text).toString(10);
  if (/^\d{1,20}$/.test(text)) return BigInt(text).toString(10);
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1);
  return null;
}

/**
 * The arguments of a call written on one line, `Name (_HID, EisaId ("PNP0C0D"))` → `["_HID",
 * "EisaId (\"PNP0C0D\")"]`: split at top-level commas (not inside strings or nested parentheses),
 * from the first `(` to its matching `)` or the end of the line. Only the first `max` arguments
 * are split; the last one keeps the rest.
 *
 * @public
 */
export function aslArguments(code: string, max = 16): string[] {
  const open = code.indexOf("(");
  if (open < 0) return [];
  const args: string[] = [];
  let depth = 0;
  let from = open + 1;
  let i = open + 1;
  for (; i < code.length; i++) {
    const c = code.charAt(i);
    if (c === '"') {
      const close = code.indexOf('"', i + 1);
      if (close < 0) break;
      i = close;
    } else if (c === "(") depth++;
    else if (c === ")") {
      if (depth === 0) break;
      depth--;
    } else if (c === "," && depth === 0 && args.length < max - 1) {
      args.push(code.slice(from, i).trim());
      from = i + 1;
    }
  }
  args.push(code.slice(from, Math.min(i, code.length)).trim());
  return args;
}

/**
 * An assignment, `X = value` (ASL 2.0, as iasl writes it since 2015) or `Store (value, X)`:
 * the target and the value as written; `null` for anything else.
 *
 * @public
 */
export function aslAssignment(code: string): { to: string; value: string } | null {
  if (code.startsWith("Store") && code.endsWith(")")) {
    const comma = code.lastIndexOf(",");
    const open = code.indexOf("(");
    if (open < 0 || comma < open) return null;
    return { to: code.slice(comma + 1, -1).trim(), value: code.slice(open + 1, comma) };
  }
  const eq = code.indexOf(" = ");
  if (eq < 0) return null;
  return { to: code.slice(0, eq).trim(), value: code.slice(eq + 3) };
}

/** An ASL integer literal up to 32 bits (`0x00001280`, `1`); `null` for anything else. @public */
export function aslInteger(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (/^0[xX][0-9A-Fa-f]{1,8}$/.test(text)) return Number.parseInt(text, 16);
  if (/^\d{1,9}$/.test(text)) return Number(text);
  return null;
}

/** A string argument without its quotes (`"DSDT"` → `DSDT`); anything else as is. @public */
export function aslUnquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}
