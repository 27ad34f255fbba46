import type { SmbiosStructure } from "./schema.js";

/**
 * Readers of the values in {@link SmbiosStructure.fields}, shared by every decoded view so that
 * text and binary evidence are read by the same rules.
 */

/** The field's own value (never one inherited from `Object.prototype`). */
function own(structure: SmbiosStructure, key: string): string | string[] | undefined {
  return Object.hasOwn(structure.fields, key) ? structure.fields[key] : undefined;
}

/** dmidecode's words for a string the structure does not hold (string index 0, or out of range). */
const ABSENT = new Set(["Not Specified", "<BAD INDEX>", "<OUT OF SPEC>"]);

/**
 * A text field, trimmed; `null` when absent, blank, or one of dmidecode's words for "no string"
 * (`Not Specified`, `<BAD INDEX>`, `<OUT OF SPEC>`). A list-valued field is not text: `null`.
 *
 * @public
 */
export function textField(structure: SmbiosStructure, key: string): string | null {
  const value = own(structure, key);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" || ABSENT.has(trimmed) ? null : trimmed;
}

/**
 * The leading integer of a field (`47520 mWh` → 47520, `2` → 2); `null` for `Unknown`, a blank
 * or a value that does not start with digits. `unit`, when given, must follow the number.
 *
 * @public
 */
export function numberField(structure: SmbiosStructure, key: string, unit?: string): number | null {
  const text = textField(structure, key);
  if (text === null) return null;
  const match = /^(\d{1,15})(?: (\S+))?$/.exec(text);
  if (match === null) return null;
  if (unit !== undefined && match[2] !== unit) return null;
  return Number(match[1]);
}

/** Mebibytes per unit of a printed memory size (dmidecode's units are powers of 1024). */
const MIB_PER_UNIT: Readonly<Record<string, number>> = {
  kB: 1 / 1024,
  MB: 1,
  GB: 1024,
  TB: 1024 * 1024,
};

/**
 * A printed memory size in MiB: `2 GB` (dmidecode 3.x), `4096 MB` (2.x), `512 kB`; `null` for
 * anything else. Sizes below 1 MiB round down to 0.
 *
 * @public
 */
export function sizeMiB(text: string | null): number | null {
  if (text === null) return null;
  const match = /^(\d{1,12}) (kB|MB|GB|TB)$/.exec(text.trim());
  if (match === null) return null;
  return Math.floor(Number(match[1]) * (MIB_PER_UNIT[match[2] as string] as number));
}

/**
 * A list field: the items printed under the key, `[]` when dmidecode printed `None` on the key's
 * line (no bit set), `null` when the field is absent or holds something else.
 *
 * @public
 */
export function listField(structure: SmbiosStructure, key: string): string[] | null {
  const value = own(structure, key);
  if (Array.isArray(value)) return value;
  return typeof value === "string" && value.trim() === "None" ? [] : null;
}
