/**
 * Byte helpers for SMBIOS structures: lower-case hex without separators (the form `data` is kept
 * in), little-endian reads that answer `null` past the end instead of reading garbage, and
 * printable-ASCII extraction.
 */

/** Lower-case hex of bytes, two digits each, no separators (`"83404c00"`). @public */
export function hexOf(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/** Bytes of a hex string made by {@link hexOf}; a trailing odd digit is ignored. @public */
export function bytesOfHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) {
    const value = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    out[i] = Number.isNaN(value) ? 0 : value;
  }
  return out;
}

/** The byte at `offset`, or `null` past the end. @public */
export function u8(bytes: Uint8Array, offset: number): number | null {
  return offset >= 0 && offset < bytes.length ? (bytes[offset] as number) : null;
}

/** Little-endian 16-bit word at `offset` (SMBIOS is little-endian, DSP0134 §5.1), or `null`. @public */
export function u16(bytes: Uint8Array, offset: number): number | null {
  if (offset < 0 || offset + 2 > bytes.length) return null;
  return (bytes[offset] as number) | ((bytes[offset + 1] as number) << 8);
}

/** Little-endian 32-bit unsigned double word at `offset`, or `null`. @public */
export function u32(bytes: Uint8Array, offset: number): number | null {
  const low = u16(bytes, offset);
  const high = u16(bytes, offset + 2);
  return low === null || high === null ? null : low + high * 0x10000;
}

/** `length` bytes at `offset` as Latin-1 text (no filtering), or `null` when they run past the end. @public */
export function latin1At(bytes: Uint8Array, offset: number, length: number): string | null {
  if (offset < 0 || offset + length > bytes.length) return null;
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

/**
 * A byte string as dmidecode prints it: each byte below 32 or above 126 becomes `.`
 * (dmidecode `ascii_filter`), so binary and text evidence compare equal.
 *
 * @public
 */
export function printable(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b < 32 || b >= 127 ? "." : String.fromCharCode(b);
  return out;
}

/** Four hex digits, lower case (`"3b07"`), the form PCI IDs take in the inventory. @public */
export function hex4(value: number): string {
  return value.toString(16).padStart(4, "0");
}
