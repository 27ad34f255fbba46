import { HclError } from "../errors/hcl-error.js";

/**
 * Builds a big-endian byte string, as every TPM structure is marshalled (TPM 2.0 Library Part 1
 * §18 "Data marshalling"; TPM 1.2 Main Part 2 §2.1: network byte order).
 *
 * @public
 */
export class ByteWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;

  /** Appends one byte. */
  u8(value: number): this {
    return this.push(Uint8Array.of(value & 0xff));
  }

  /** Appends a UINT16. */
  u16(value: number): this {
    const bytes = new Uint8Array(2);
    new DataView(bytes.buffer).setUint16(0, value);
    return this.push(bytes);
  }

  /** Appends a UINT32. */
  u32(value: number): this {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, value >>> 0);
    return this.push(bytes);
  }

  /** Appends a UINT64. */
  u64(value: bigint): this {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setBigUint64(0, value);
    return this.push(bytes);
  }

  /** Appends bytes as they are. */
  bytes(value: Uint8Array): this {
    return this.push(value);
  }

  /** Appends a TPM2B: a UINT16 size, then the bytes (Part 2 §10.4). */
  tpm2b(value: Uint8Array): this {
    return this.u16(value.length).bytes(value);
  }

  /** Appends what `build` writes, preceded by its length as a UINT16 (a sized structure, `TPM2B_PUBLIC`). */
  sized16(build: (w: ByteWriter) => void): this {
    const inner = new ByteWriter();
    build(inner);
    return this.tpm2b(inner.finish());
  }

  /** The bytes written so far. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  private push(bytes: Uint8Array): this {
    this.chunks.push(bytes);
    this.length += bytes.length;
    return this;
  }
}

/**
 * Reads big-endian TPM structures from a response. Every read names the field it reads, so a
 * response cut short fails with `HCL_E_TPM_TRUNCATED` naming the structure, the field, the
 * offset and how many bytes were left — never with a RangeError.
 *
 * @public
 */
export class ByteReader {
  private at: number;

  constructor(
    private readonly data: Uint8Array,
    /** What is being read, for messages: `TPM2_PCR_Read response`. */
    readonly what: string,
    offset = 0,
  ) {
    this.at = offset;
  }

  /** Offset of the next byte to read. */
  get offset(): number {
    return this.at;
  }

  /** Bytes not read yet. */
  get remaining(): number {
    return this.data.length - this.at;
  }

  /** Reads one byte. */
  u8(field: string): number {
    return this.take(1, field)[0] as number;
  }

  /** Reads a UINT16. */
  u16(field: string): number {
    const b = this.take(2, field);
    return ((b[0] as number) << 8) | (b[1] as number);
  }

  /** Reads a UINT32. */
  u32(field: string): number {
    const b = this.take(4, field);
    return new DataView(b.buffer, b.byteOffset, 4).getUint32(0);
  }

  /** Reads a UINT64. */
  u64(field: string): bigint {
    const b = this.take(8, field);
    return new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0);
  }

  /** Reads `n` bytes (a copy). */
  bytes(n: number, field: string): Uint8Array {
    return this.take(n, field).slice();
  }

  /**
   * Reads a TPM2B: a UINT16 size and that many bytes. A size above `max` (the structure's
   * buffer size in Part 2) is `HCL_E_TPM_MALFORMED`.
   */
  tpm2b(field: string, max = 0xffff): Uint8Array {
    const size = this.u16(`${field}.size`);
    if (size > max) this.malformed(`${field}.size is ${size}, more than its maximum ${max}`);
    return this.bytes(size, `${field}.buffer`);
  }

  /**
   * A reader over the next `size` bytes (a sized structure); this reader moves past them. The
   * inner reader must be read to its end by its caller ({@link ByteReader.end}).
   */
  sub(size: number, field: string): ByteReader {
    return new ByteReader(this.take(size, field), `${this.what} ${field}`);
  }

  /** A copy of the bytes from `start` to the current offset: the extent of a structure just read. */
  bytesBetween(start: number): Uint8Array {
    return this.data.slice(start, this.at);
  }

  /** Checks that every byte was read: a response longer than its structures is `HCL_E_TPM_BAD_SIZE`. */
  end(): void {
    if (this.remaining > 0)
      throw new HclError(
        "HCL_E_TPM_BAD_SIZE",
        `${this.what}: ${this.remaining} bytes left after the last field at offset ${this.at}, expected none`,
        { details: { what: this.what, offset: this.at, remaining: this.remaining } },
      );
  }

  /** Throws `HCL_E_TPM_MALFORMED` about this structure. */
  malformed(message: string): never {
    throw new HclError("HCL_E_TPM_MALFORMED", `${this.what}: ${message}`, {
      details: { what: this.what, offset: this.at },
    });
  }

  private take(n: number, field: string): Uint8Array {
    if (n > this.remaining)
      throw new HclError(
        "HCL_E_TPM_TRUNCATED",
        `${this.what} is cut short: ${field} needs ${n} bytes at offset ${this.at}, ${this.remaining} left`,
        {
          details: {
            what: this.what,
            field,
            offset: this.at,
            needed: n,
            remaining: this.remaining,
          },
        },
      );
    const out = this.data.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
}

/** Lower-case hex of `bytes`. @public */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("hex");
}

/** `0x` and at least `width` upper-case hex digits: `hex32(0x101, 3)` is `0x101`. @public */
export function hexNumber(value: number, width = 8): string {
  return `0x${value.toString(16).toUpperCase().padStart(width, "0")}`;
}
