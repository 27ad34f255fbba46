import type { Diagnostic, Parsed } from "../common.js";
import { decodeBinaryFields } from "./binary-table-fields.js";
import { ByteReader } from "./byte-reader.js";
import type { AcpiTable } from "./schema.js";

/** The common System Description Table header is 36 bytes (ACPI spec §5.2.6). */
const HEADER_LENGTH = 36;

/**
 * Reads one binary ACPI table, as the kernel exports it in `/sys/firmware/acpi/tables/` (ACPI
 * spec §5.2): the 36-byte header (signature, length, revision, checksum, OEM ids), and the fields
 * of TCPA, TPM2, DMAR and FACP (see `AcpiTableSchema`). The FACS (§5.2.10, no common header) and
 * the RSDP (§5.2.5) are read by their own layouts.
 *
 * Never throws: a table shorter than its header, or whose length field claims more bytes than
 * there are, gives the fields that can be read and a diagnostic; bytes that are not a table
 * (a signature that is not printable ASCII) give `null`.
 *
 * @public
 */
export function parseAcpiTable(bytes: Uint8Array, file: string): Parsed<AcpiTable> {
  const diagnostics: Diagnostic[] = [];
  const all = new ByteReader(bytes);
  if (bytes.length >= 8 && all.ascii(0, 8) === "RSD PTR") return parseRsdp(all, file);
  const signature = bytes.length >= 4 ? rawAscii(bytes, 0, 4) : null;
  if (signature === null || !/^[\x20-\x7e]{4}$/.test(signature)) {
    diagnostics.push({
      code: bytes.length < 4 ? "HCL_E_EVIDENCE_TRUNCATED" : "HCL_E_EVIDENCE_MALFORMED",
      file,
      message: `${file} is not an ACPI table: ${bytes.length < 4 ? `only ${bytes.length} bytes` : "its first 4 bytes are not a printable signature"}`,
      expected: "a 4-character ASCII signature followed by the table header",
    });
    return { value: null, diagnostics };
  }
  const declared = all.uint(4, 4);
  const table: AcpiTable = {
    signature,
    revision: null,
    oemId: null,
    oemTableId: null,
    oemRevision: null,
    length: declared,
    checksumValid: null,
    fields: {},
    at: { file },
  };
  if (signature === "FACS") {
    // Firmware ACPI Control Structure: signature, length, …, version u8 at 32; no checksum.
    table.revision = all.uint(32, 1);
    return { value: table, diagnostics };
  }
  if (bytes.length < HEADER_LENGTH) {
    diagnostics.push(truncated(file, signature, bytes.length, HEADER_LENGTH, "its 36-byte header"));
  }
  table.revision = all.uint(8, 1);
  table.oemId = all.ascii(10, 6);
  table.oemTableId = all.ascii(16, 8);
  table.oemRevision = all.uint(24, 4);

  let usable = bytes.length;
  if (declared !== null && declared < HEADER_LENGTH) {
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      message: `${file}: the ${signature} header gives length ${declared}, shorter than the header itself`,
      expected: `a length of at least ${HEADER_LENGTH}`,
    });
  } else if (declared !== null && declared > bytes.length) {
    diagnostics.push(
      truncated(file, signature, bytes.length, declared, "the length its header gives"),
    );
  } else if (declared !== null) {
    usable = declared;
    table.checksumValid = checksum(bytes, declared) === 0;
  }
  if (bytes.length >= HEADER_LENGTH) {
    const reader = new ByteReader(bytes.subarray(0, usable));
    table.fields = decodeBinaryFields(signature, table.revision, reader, file, diagnostics);
  }
  return { value: table, diagnostics };
}

/** Root System Description Pointer (ACPI spec §5.2.5.3): checksum over the first 20 bytes. */
function parseRsdp(reader: ByteReader, file: string): Parsed<AcpiTable> {
  const revision = reader.uint(15, 1);
  const length = revision !== null && revision >= 2 ? reader.uint(20, 4) : 20;
  const diagnostics: Diagnostic[] = [];
  if (reader.length < 20) diagnostics.push(truncated(file, "RSDP", reader.length, 20, "20 bytes"));
  return {
    value: {
      signature: "RSD PTR ",
      revision,
      oemId: reader.ascii(9, 6),
      oemTableId: null,
      oemRevision: null,
      length,
      checksumValid: reader.length >= 20 ? checksum(reader.bytes, 20) === 0 : null,
      fields: {},
      at: { file },
    },
    diagnostics,
  };
}

function checksum(bytes: Uint8Array, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum = (sum + (bytes[i] as number)) & 0xff;
  return sum;
}

function rawAscii(bytes: Uint8Array, offset: number, size: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + size));
}

function truncated(
  file: string,
  what: string,
  have: number,
  want: number,
  expected: string,
): Diagnostic {
  return {
    code: "HCL_E_EVIDENCE_TRUNCATED",
    file,
    message: `${file}: the ${what} table has ${have} bytes, fewer than ${expected} (${want})`,
    expected: `${want} bytes`,
  };
}
