/**
 * Decodes a compressed EISA id, the 32-bit integer form of a PNP id that ASL writes as
 * `EisaId ("PNP0C31")` (ACPI spec §19.6.35): stored little-endian, its first two bytes read
 * big-endian hold three 5-bit letters (`1` = `A`), its last two bytes four hex digits.
 * `0x310CD041` → `PNP0C31`, `0x0201D824` → `IFX0102`.
 *
 * Returns `null` when the value is not an EISA id: outside 32 bits, the reserved top bit of the
 * first byte set, or a letter outside `A`–`Z`.
 *
 * @public
 */
export function decodeEisaId(value: number): string | null {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) return null;
  const b0 = value & 0xff;
  const b1 = (value >>> 8) & 0xff;
  const b2 = (value >>> 16) & 0xff;
  const b3 = (value >>> 24) & 0xff;
  if ((b0 & 0x80) !== 0) return null;
  const word = (b0 << 8) | b1;
  const letters = [(word >> 10) & 31, (word >> 5) & 31, word & 31];
  if (letters.some((l) => l < 1 || l > 26)) return null;
  return String.fromCharCode(...letters.map((l) => l + 64)) + hex2(b2) + hex2(b3);
}

/**
 * The inverse of {@link decodeEisaId}: `PNP0C31` → `0x310CD041`. Returns `null` for anything
 * but three letters `A`–`Z` and four hex digits.
 *
 * @public
 */
export function encodeEisaId(id: string): number | null {
  if (!/^[A-Z]{3}[0-9A-Fa-f]{4}$/.test(id)) return null;
  const word =
    ((id.charCodeAt(0) - 64) << 10) | ((id.charCodeAt(1) - 64) << 5) | (id.charCodeAt(2) - 64);
  const b2 = Number.parseInt(id.slice(3, 5), 16);
  const b3 = Number.parseInt(id.slice(5, 7), 16);
  return ((word >> 8) | ((word & 0xff) << 8) | (b2 << 16) | (b3 << 24)) >>> 0;
}

function hex2(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, "0");
}
