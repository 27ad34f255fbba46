import type { Diagnostic, Parsed } from "../common.js";
import type { EdidInfo, EdidTiming } from "./schema.js";

const BLOCK = 128;
const HEADER = [0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00];
/** Offsets of the four 18-byte descriptors of the base block. */
const DESCRIPTORS = [54, 72, 90, 108];

/**
 * Decodes the 128-byte base block of an EDID (VESA E-EDID Release A Rev. 2; the layout of EDID
 * 1.3 and 1.4): header, manufacturer PNP ID, product code, week and year, version, input type,
 * screen size, the preferred timing (first detailed timing descriptor), the monitor name (0xFC)
 * and alphanumeric strings (0xFE), checksum. The serial number is not read.
 *
 * Fewer than 128 bytes, or a block without the `00 FF FF FF FF FF FF 00` header, give no value
 * and a diagnostic; a wrong checksum, or fewer extension blocks than announced, give the value
 * with a diagnostic.
 *
 * @public
 */
export function parseEdid(bytes: Uint8Array, file: string): Parsed<EdidInfo> {
  const diagnostics: Diagnostic[] = [];
  if (bytes.length < BLOCK) {
    diagnostics.push({
      code: "HCL_E_EVIDENCE_TRUNCATED",
      file,
      message: `${file} has ${bytes.length} bytes, less than the 128 of an EDID base block`,
      expected: "128 bytes",
    });
    return { value: null, diagnostics };
  }
  if (!HEADER.every((b, i) => bytes[i] === b)) {
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      message: `${file} does not start with the EDID header`,
      expected: "00 ff ff ff ff ff ff 00",
    });
    return { value: null, diagnostics };
  }
  const at = (i: number): number => bytes[i] ?? 0;

  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += at(i);
  const checksumValid = sum % 256 === 0;
  if (!checksumValid)
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      message: `${file}: the EDID base block's checksum is wrong (bytes sum to ${sum % 256} modulo 256)`,
      expected: "bytes summing to 0 modulo 256",
    });
  const extensions = at(126);
  if (bytes.length < BLOCK * (1 + extensions))
    diagnostics.push({
      code: "HCL_E_EVIDENCE_TRUNCATED",
      file,
      message: `${file} announces ${extensions} extension blocks but holds ${bytes.length} bytes`,
      expected: `${BLOCK * (1 + extensions)} bytes`,
    });

  const week = at(16);
  const modelYear = week === 0xff;
  const width = at(21);
  const height = at(22);
  const { name, strings } = readDescriptors(bytes);
  return {
    value: {
      manufacturer: pnpId((at(8) << 8) | at(9)),
      productCode: ((at(11) << 8) | at(10)).toString(16).padStart(4, "0"),
      week: week === 0 || modelYear ? null : week,
      year: at(17) === 0 ? null : at(17) + 1990,
      modelYear,
      version: `${at(18)}.${at(19)}`,
      digital: (at(20) & 0x80) !== 0,
      // Both zero: size not given; one zero (EDID 1.4): an aspect ratio, not a size.
      widthCm: width !== 0 && height !== 0 ? width : null,
      heightCm: width !== 0 && height !== 0 ? height : null,
      preferredTiming: detailedTiming(bytes, DESCRIPTORS[0] as number),
      name,
      strings,
      extensions,
      checksumValid,
      at: { file },
    },
    diagnostics,
  };
}

/** Three 5-bit letters, 1 = `A` (compressed ASCII of the PNP ID). */
function pnpId(word: number): string | null {
  const letters = [(word >> 10) & 0x1f, (word >> 5) & 0x1f, word & 0x1f];
  if ((word & 0x8000) !== 0 || letters.some((l) => l < 1 || l > 26)) return null;
  return String.fromCharCode(...letters.map((l) => l + 64));
}

/** A detailed timing descriptor at `o`, or `null` when the slot holds a display descriptor. */
function detailedTiming(bytes: Uint8Array, o: number): EdidTiming | null {
  const b = (i: number): number => bytes[o + i] ?? 0;
  const clock = b(0) | (b(1) << 8);
  if (clock === 0) return null;
  const hActive = b(2) | ((b(4) & 0xf0) << 4);
  const hBlank = b(3) | ((b(4) & 0x0f) << 8);
  const vActive = b(5) | ((b(7) & 0xf0) << 4);
  const vBlank = b(6) | ((b(7) & 0x0f) << 8);
  const pixels = (hActive + hBlank) * (vActive + vBlank);
  const pixelClockKHz = clock * 10;
  return {
    widthPx: hActive,
    heightPx: vActive,
    pixelClockKHz,
    refreshHz: pixels === 0 ? null : Math.round((pixelClockKHz * 1000 * 1000) / pixels) / 1000,
    interlaced: (b(17) & 0x80) !== 0,
  };
}

/** The name (0xFC) and alphanumeric strings (0xFE) of the display descriptors. */
function readDescriptors(bytes: Uint8Array): { name: string | null; strings: string[] } {
  let name: string | null = null;
  const strings: string[] = [];
  for (const o of DESCRIPTORS) {
    // A display descriptor starts 00 00 00 <tag>; a timing descriptor has a pixel clock there.
    if (bytes[o] !== 0 || bytes[o + 1] !== 0 || bytes[o + 2] !== 0) continue;
    const tag = bytes[o + 3];
    if (tag !== 0xfc && tag !== 0xfe) continue;
    const text = descriptorText(bytes.subarray(o + 5, o + 18));
    if (text === "") continue;
    if (tag === 0xfc) name ??= text;
    else strings.push(text);
  }
  return { name, strings };
}

/** Up to 13 characters, ended by 0x0A and padded with spaces; non-printable bytes dropped. */
function descriptorText(field: Uint8Array): string {
  let text = "";
  for (const b of field) {
    if (b === 0x0a) break;
    if (b >= 0x20 && b < 0x7f) text += String.fromCharCode(b);
  }
  return text.trim();
}
