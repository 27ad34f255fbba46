/** Options for {@link acpiTable}. */
export interface TableOptions {
  readonly revision?: number;
  readonly oemId?: string;
  readonly oemTableId?: string;
  /** Length to write in the header instead of the real one (a lying table). */
  readonly length?: number;
  /** Leave the checksum byte 0 instead of making the sum zero. */
  readonly badChecksum?: boolean;
}

/**
 * An ACPI table as firmware lays it out (ACPI spec §5.2.6): 36-byte header (signature, length,
 * revision, checksum, OEM id, OEM table id, OEM revision, creator id and revision), then `body`.
 */
export function acpiTable(
  signature: string,
  body: readonly number[],
  options: TableOptions = {},
): Uint8Array {
  const bytes = new Uint8Array(36 + body.length);
  const view = new DataView(bytes.buffer);
  ascii(bytes, 0, signature, 4);
  view.setUint32(4, options.length ?? bytes.length, true);
  bytes[8] = options.revision ?? 1;
  ascii(bytes, 10, options.oemId ?? "HCLKIT", 6);
  ascii(bytes, 16, options.oemTableId ?? "TESTTBL", 8);
  view.setUint32(24, 0x1280, true);
  ascii(bytes, 28, "HCLK", 4);
  view.setUint32(32, 1, true);
  bytes.set(body, 36);
  if (!options.badChecksum) {
    let sum = 0;
    for (const b of bytes) sum = (sum + b) & 0xff;
    bytes[9] = (0x100 - sum) & 0xff;
  }
  return bytes;
}

/** Little-endian bytes of an integer of `size` bytes (BigInt for 64-bit values). */
export function le(value: number | bigint, size: number): number[] {
  let v = BigInt(value);
  const out: number[] = [];
  for (let i = 0; i < size; i++) {
    out.push(Number(v & 0xffn));
    v >>= 8n;
  }
  return out;
}

function ascii(bytes: Uint8Array, offset: number, text: string, size: number): void {
  for (let i = 0; i < size; i++) bytes[offset + i] = i < text.length ? text.charCodeAt(i) : 0x20;
}
