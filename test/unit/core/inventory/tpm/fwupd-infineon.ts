// The sysfs files of a real Infineon TPM 1.2 as recorded in fwupd's test data
// (fwupd/fwupd@6e9504964aeb56d51ae2693823510494f8c28b6d, plugins/tpm/tests/tpm0/{caps,pcrs}).

/** `caps`. */
export const INFINEON_CAPS = "Manufacturer: 0x49465800\nTCG version: 1.2\nFirmware version: 6.40\n";

/** `pcrs`: 24 SHA-1 PCRs, `%02X ` per byte. */
export const INFINEON_PCRS = [
  "3C 97 99 20 C9 00 99 60 09 27 D5 DA B3 81 EB 95 1E 7F C8 68",
  "CE 9F A4 B2 01 09 D8 81 14 EA 1A 6D 13 94 CD 45 5F 52 69 23",
  "47 09 7A 9A AD C3 26 A4 93 91 26 63 A1 6F DF 53 D7 88 96 8E",
  "B2 A8 3B 0E BF 2F 83 74 29 9A 5B 2B DF C3 1E A9 55 AD 72 36",
  "A4 A5 87 4C 59 94 8D 9B 93 66 0A F4 19 D8 6F F8 94 36 20 CC",
  "00 0B 58 00 89 72 EF 6C 2A AC 79 33 C4 AE 67 6B A6 EF CF 6A",
  "B2 A8 3B 0E BF 2F 83 74 29 9A 5B 2B DF C3 1E A9 55 AD 72 36",
  "0A 2A 68 15 85 0D AC B2 D1 F4 E0 C1 F4 56 D5 E2 81 08 6D EA",
  "DB A7 29 4E 49 BA D7 9E 53 99 0A 6E 3A CB 52 97 B9 08 3A 66",
  "19 F9 6F 10 83 F5 5B 50 98 26 C3 14 73 43 35 21 1F E6 39 E9",
  "37 3D 89 9E 10 0D DD 2D 21 B5 F4 96 8D 4F DC A7 6D 1A C7 BD",
  ...Array.from({ length: 6 }, () => Array(20).fill("00").join(" ")),
  ...Array.from({ length: 6 }, () => Array(20).fill("FF").join(" ")),
  Array(20).fill("00").join(" "),
]
  .map((bytes, i) => `PCR-${String(i).padStart(2, "0")}: ${bytes} \n`)
  .join("");
