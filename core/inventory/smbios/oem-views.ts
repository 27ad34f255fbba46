import { bytesOfHex, hex4, latin1At, u16, u32, u8 } from "./bytes.js";
import type {
  DellStrings,
  IntelAmt,
  IntelAsf,
  IntelVpro,
  LenovoTpmInfo,
  VproPciDevice,
} from "./oem-schema.js";
import type { SmbiosStructure } from "./schema.js";

/**
 * Decoders of the OEM structures that qualification needs, from the structure's bytes (the
 * `Header and Data` dump or the binary table), never from a tool's text labels. Offsets are those
 * of the structure, header included, as in the references cited on each decoder.
 */

function bytesOf(structure: SmbiosStructure): Uint8Array | null {
  return structure.data === null ? null : bytesOfHex(structure.data);
}

function flag(bytes: Uint8Array, offset: number): boolean | null {
  const value = u8(bytes, offset);
  return value === null ? null : value !== 0;
}

function bit(value: number | null, index: number): boolean | null {
  return value === null ? null : (value & (1 << index)) !== 0;
}

/**
 * Intel ASF structures: OEM type 129 carrying the `Intel_ASF` strings (Intel's ASF! SMBIOS
 * record; one Latitude E5420 writes `Intel ASF_001` with a space).
 *
 * @public
 */
export function intelAsfOf(structures: readonly SmbiosStructure[]): IntelAsf[] {
  return structures
    .filter((s) => s.type === 129 && (s.strings ?? []).some((t) => /^Intel[_ ]ASF/.test(t)))
    .map((s) => ({ handle: s.handle, strings: s.strings ?? [], at: s.at }));
}

/**
 * Intel `$AMT` structures: OEM type 130 with `$AMT` at offset 04h. Layout `MISC_OEM_TYPE_0x82`
 * of Intel's reference BIOS (`MeSmbios.h`, research notes §1.4 and Appendix A): 08h AmtSupported,
 * 09h AmtEnabled, 0Ah SrouEnabled (IDE-R), 0Bh SolEnabled, 0Ch NetworkEnabled, 0Dh ExtendedData,
 * 0Eh–11h OemCapabilities1–4, 12h KvmEnabled.
 *
 * @public
 */
export function intelAmtOf(structures: readonly SmbiosStructure[]): IntelAmt[] {
  const out: IntelAmt[] = [];
  for (const s of structures) {
    const bytes = s.type === 130 ? bytesOf(s) : null;
    if (bytes === null || latin1At(bytes, 4, 4) !== "$AMT") continue;
    const oem = [0x0e, 0x0f, 0x10, 0x11].map((offset) => u8(bytes, offset));
    out.push({
      handle: s.handle,
      supported: flag(bytes, 0x08),
      enabled: flag(bytes, 0x09),
      ideR: flag(bytes, 0x0a),
      sol: flag(bytes, 0x0b),
      network: flag(bytes, 0x0c),
      kvm: flag(bytes, 0x12),
      extendedData: u8(bytes, 0x0d),
      oemCapabilities: oem.some((v) => v === null) ? null : (oem as number[]),
      data: s.data as string,
      at: s.at,
    });
  }
  return out;
}

/** A `PCH_CAP` / `NETWORK_DEV` double word: fn bits 2:0, dev 7:3, bus 15:8, DID 31:16. */
function pciDevice(value: number | null): VproPciDevice | null {
  if (value === null) return null;
  return {
    bus: (value >>> 8) & 0xff,
    device: (value >>> 3) & 0x1f,
    function: value & 0x07,
    deviceId: hex4(Math.floor(value / 0x10000)),
  };
}

/** Four little-endian words as `w0.w1.w2.w3`, the words taken in the order given. */
function version(bytes: Uint8Array, offsets: readonly number[]): string | null {
  const words = offsets.map((offset) => u16(bytes, offset));
  return words.some((w) => w === null) ? null : words.join(".");
}

/**
 * Intel vPro structures: OEM type 131 whose bytes 38h–3Bh are ASCII `vPro`. Layout
 * `MISC_OEM_TYPE_0x83` of Intel's reference BIOS (`MeSmbios.h`, research notes §1.4):
 * 04h CPU_CAP (bit 0 VMX, 1 SMX, 2 TXT capable, 3 TXT enabled, 4 VT-x capable, 5 VT-x enabled),
 * 08h MEBX_VER (major, minor, hotfix, build words), 10h PCH_CAP, 18h ME_CAP (capability double
 * word, then minor, major, build, hotfix words), 24h MeFwConfigured, 28h NETWORK_DEV, 34h BIOS_CAP.
 *
 * @public
 */
export function intelVproOf(structures: readonly SmbiosStructure[]): IntelVpro[] {
  const out: IntelVpro[] = [];
  for (const s of structures) {
    const bytes = s.type === 131 ? bytesOf(s) : null;
    if (bytes === null || latin1At(bytes, 0x38, 4) !== "vPro") continue;
    const cpu = u32(bytes, 0x04);
    const me = version(bytes, [0x1e, 0x1c, 0x22, 0x20]);
    out.push({
      handle: s.handle,
      cpuCapabilities: cpu,
      vmx: bit(cpu, 0),
      smx: bit(cpu, 1),
      txtCapable: bit(cpu, 2),
      txtEnabled: bit(cpu, 3),
      vtxCapable: bit(cpu, 4),
      vtxEnabled: bit(cpu, 5),
      mebxVersion: version(bytes, [0x08, 0x0a, 0x0c, 0x0e]),
      pch: pciDevice(u32(bytes, 0x10)),
      meCapabilities: u32(bytes, 0x18),
      meFirmwareVersion: me,
      meFwConfigured: u32(bytes, 0x24),
      networkDevice: pciDevice(u32(bytes, 0x28)),
      biosCapabilities: u32(bytes, 0x34),
      data: s.data as string,
      at: s.at,
    });
  }
  return out;
}

/**
 * Lenovo "TPM INFO" structures: OEM type 134 whose strings (or bytes) say `TPM INFO`. No public
 * specification describes it; ThinkPad T410/T420 records put the TCG vendor ID as four ASCII
 * bytes at 05h (`53 54 4D 20` = `STM `, research notes §1.2), read here and trimmed.
 *
 * @public
 */
export function lenovoTpmInfoOf(structures: readonly SmbiosStructure[]): LenovoTpmInfo[] {
  const out: LenovoTpmInfo[] = [];
  for (const s of structures) {
    if (s.type !== 134 || s.data === null) continue;
    const bytes = bytesOfHex(s.data);
    const strings = s.strings ?? [];
    const said =
      strings.some((t) => t.trim() === "TPM INFO") ||
      latin1At(bytes, 0, bytes.length)?.includes("TPM INFO") === true;
    if (!said) continue;
    out.push({ handle: s.handle, vendor: asciiVendor(bytes), strings, data: s.data, at: s.at });
  }
  return out;
}

function asciiVendor(bytes: Uint8Array): string | null {
  const raw = latin1At(bytes, 5, 4);
  if (raw === null) return null;
  const text = raw.split("\0")[0] as string;
  if (!/^[\x20-\x7e]*$/.test(text)) return null;
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/**
 * The strings of every OEM structure (type 128–255) that has any, on a machine whose type 1
 * manufacturer is Dell (`Dell Inc.`, `Dell Computer Corporation`): Dell describes its bays in
 * type 219 strings (`System eSATA Bay`, research notes §1.5). `[]` on other machines, `null`
 * when the manufacturer is unknown.
 *
 * @public
 */
export function dellStringsOf(
  structures: readonly SmbiosStructure[],
  systemVendor: string | null,
): DellStrings[] | null {
  if (systemVendor === null) return null;
  if (!/^Dell\b/i.test(systemVendor)) return [];
  return structures
    .filter((s) => s.type >= 128 && (s.strings?.length ?? 0) > 0)
    .map((s) => ({ handle: s.handle, type: s.type, strings: s.strings ?? [], at: s.at }));
}
