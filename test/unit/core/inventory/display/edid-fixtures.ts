import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

/** edid-decode's output for a real monitor of linuxhw/EDID (see fixtures/SOURCE.md). */
export function linuxhwEdid(name: "LGD0254-8CC0EB7CB47D" | "AOC1619-B73B230E7DA8"): {
  text: string;
  bytes: Uint8Array;
} {
  const text = readFileSync(path.join(DIR, `linuxhw-${name}`), "utf8");
  const hex = text.split("\n\n")[1] ?? "";
  return {
    text,
    bytes: Uint8Array.from(
      hex.split(/\s+/).filter((h) => h !== ""),
      (h) => Number.parseInt(h, 16),
    ),
  };
}

/** The block as hw-probe writes it to `logs/edid` for one DRM connector (hw-probe.pl). */
export function hwProbeEdidPart(
  sysfsPath: string,
  edid: { text: string; bytes: Uint8Array },
): string {
  const hex = Buffer.from(edid.bytes)
    .toString("hex")
    .replace(/(.{32})/g, "$1\n");
  return `edid-decode "${sysfsPath}"\n\nEDID (hex):\n${hex}\n${edid.text}\n\n`;
}

/**
 * An EDID 1.3 base block written byte by byte from the VESA E-EDID layout: "LEN" 0x40a0, week 10
 * of 2010, digital, 30 x 19 cm, 1280x800 at 71.00 MHz as the first detailed timing, name
 * "LCD Monitor", checksum last.
 */
export function vesaBaseBlock(): Uint8Array {
  const b = new Uint8Array(128);
  b.set([0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00], 0);
  // "LEN": L=12, E=5, N=14 in three 5-bit fields, big-endian.
  const pnp = (12 << 10) | (5 << 5) | 14;
  b[8] = pnp >> 8;
  b[9] = pnp & 0xff;
  b[10] = 0xa0; // product code 0x40a0, little-endian
  b[11] = 0x40;
  b[16] = 10; // week
  b[17] = 2010 - 1990;
  b[18] = 1; // version 1.3
  b[19] = 3;
  b[20] = 0x80; // digital input
  b[21] = 30; // cm
  b[22] = 19;
  // Detailed timing 1: 7100 x 10 kHz; 1280 + 160 blank; 800 + 23 blank.
  b.set(
    [
      7100 & 0xff,
      7100 >> 8,
      1280 & 0xff,
      160,
      ((1280 >> 8) << 4) | (160 >> 8),
      800 & 0xff,
      23,
      (800 >> 8) << 4,
    ],
    54,
  );
  // Descriptor 2: monitor name (tag 0xFC), ended by 0x0A and padded with spaces.
  b.set([0, 0, 0, 0xfc, 0], 72);
  b.set(
    [..."LCD Monitor\n "].map((c) => c.charCodeAt(0)),
    77,
  );
  // Descriptors 3 and 4: dummy (tag 0x10).
  b.set([0, 0, 0, 0x10, 0], 90);
  b.set([0, 0, 0, 0x10, 0], 108);
  let sum = 0;
  for (let i = 0; i < 127; i++) sum += b[i] as number;
  b[127] = (256 - (sum % 256)) % 256;
  return b;
}
