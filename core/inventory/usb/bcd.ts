/**
 * A 16-bit binary-coded-decimal release number the way lsusb and hwinfo print it (`%x.%02x`):
 * sysfs `bcdDevice` `0513` → `5.13`, a module alias `d0002` → `0.02`. `null` unless 1–4 hex digits.
 *
 * @public
 */
export function bcdFromHex(hex: string): string | null {
  const text = hex.trim().toLowerCase();
  if (!/^[0-9a-f]{1,4}$/.test(text)) return null;
  const value = Number.parseInt(text, 16);
  return `${(value >> 8).toString(16)}.${(value & 0xff).toString(16).padStart(2, "0")}`;
}

/** A printed release number (`" 5.13"`, `"5.13"`) checked and trimmed; `null` when malformed. @public */
export function normalizeBcd(text: string): string | null {
  const value = text.trim().toLowerCase();
  return /^[0-9a-f]{1,2}\.[0-9a-f]{2}$/.test(value) ? value : null;
}

/**
 * A USB speed as sysfs (`480`, `1.5`, `5000`) or hwinfo (`480 Mbps`) writes it, in Mbit/s;
 * `null` when unknown.
 *
 * @public
 */
export function parseSpeed(text: string): number | null {
  const match = /^\s*(\d{1,6}(?:\.\d{1,3})?)\s*(?:Mbps|Mbit\/s|M)?\s*$/i.exec(text);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** A class code printed in decimal by lsusb -v (`9`, `255`) as two hex digits; `null` if not 0–255. @public */
export function classFromDecimal(text: string): string | null {
  if (!/^\d{1,3}$/.test(text)) return null;
  const value = Number(text);
  return value > 255 ? null : value.toString(16).padStart(2, "0");
}
