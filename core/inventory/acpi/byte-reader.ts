/**
 * Little-endian reads from a table's bytes that never leave them: each read answers `null`
 * past the end, so a short or lying table length gives a missing field, never an exception.
 * Values come back as the lower-case hex strings the inventory stores (`fed90000`), at the
 * field's width.
 *
 * @public
 */
export class ByteReader {
  constructor(
    /** The bytes of the table, cut to the length the reader may use. */
    readonly bytes: Uint8Array,
  ) {}

  /** How many bytes can be read. */
  get length(): number {
    return this.bytes.length;
  }

  /** An unsigned integer of `size` bytes (1, 2 or 4) at `offset`, or `null` past the end. */
  uint(offset: number, size: 1 | 2 | 4): number | null {
    if (offset < 0 || offset + size > this.bytes.length) return null;
    let value = 0;
    for (let i = size - 1; i >= 0; i--) value = value * 256 + (this.bytes[offset + i] as number);
    return value;
  }

  /** A field of `size` bytes (1, 2, 4 or 8) at `offset` as lower-case hex, or `null`. */
  hex(offset: number, size: 1 | 2 | 4 | 8): string | null {
    if (offset < 0 || offset + size > this.bytes.length) return null;
    let out = "";
    for (let i = size - 1; i >= 0; i--)
      out += (this.bytes[offset + i] as number).toString(16).padStart(2, "0");
    return out;
  }

  /**
   * A fixed-size ASCII field (OEM ids): up to the first NUL, other control bytes as spaces (as
   * iasl prints them), trailing spaces removed.
   */
  ascii(offset: number, size: number): string | null {
    if (offset < 0 || offset + size > this.bytes.length) return null;
    let out = "";
    for (let i = offset; i < offset + size; i++) {
      const c = this.bytes[i] as number;
      if (c === 0) break;
      out += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : " ";
    }
    return out.trimEnd();
  }
}
