import type { EvidenceSource } from "../../evidence/evidence-source.js";
import type { Diagnostic, Parsed } from "../common.js";
import { splitLines } from "../text.js";
import { SysfsReader } from "../sysfs/sysfs-reader.js";
import { parseTpmCaps } from "./parse-tpm-caps.js";
import { parseTpmPcrValue, parseTpmPcrs } from "./parse-tpm-pcrs.js";
import type { TpmDevice, TpmPcrs } from "./schema.js";

const TPM_NAME = /^tpm\d+$/;
const PCR_INDEX = /^\d{1,2}$/;
/** `pcr-sha256`, `pcr-sm3_256`: a hash algorithm's name (and never `__proto__` as a key). */
const PCR_BANK = /^pcr-([a-z][a-z0-9_]{0,31})$/;
/** Attributes only a TPM 1.2 has (tpm-sysfs.c `tpm1_dev_group`). */
const TPM1_ATTRIBUTES = ["caps", "pcrs", "enabled", "active", "owned", "temp_deactivated"];

/**
 * The TPMs of the sysroot: each `tpmN` of `/sys/class/tpm`, or of `/sys/class/misc` on kernels
 * that registered TPMs as misc devices (before ~4.0). `[]` when `/sys/class/tpm` exists and holds
 * no TPM (the kernel has the class but no chip registered); `null` when neither class shows one
 * or the source has no sysroot — a kernel without a TPM driver loaded cannot tell.
 *
 * @public
 */
export function collectTpm(source: EvidenceSource): Parsed<TpmDevice[]> {
  const diagnostics: Diagnostic[] = [];
  if (source.sys === null) return { value: null, diagnostics };
  const sys = new SysfsReader(source.sys, diagnostics);
  let classDir = "/sys/class/tpm";
  let names = sys.list(classDir)?.filter((n) => TPM_NAME.test(n)) ?? null;
  if (names === null) {
    classDir = "/sys/class/misc";
    names = sys.list(classDir)?.filter((n) => TPM_NAME.test(n)) ?? [];
    if (names.length === 0) return { value: null, diagnostics };
  }
  return { value: names.map((name) => readTpm(sys, `${classDir}/${name}`, name)), diagnostics };
}

function readTpm(sys: SysfsReader, base: string, name: string): TpmDevice {
  const own = sys.list(base) ?? [];
  const device = `${base}/device`;
  const parent = sys.list(device) ?? [];
  /** Where an attribute is: the device's own folder, else `device/` (older kernels). */
  const attribute = (file: string): string | null =>
    own.includes(file) ? `${base}/${file}` : parent.includes(file) ? `${device}/${file}` : null;
  const flag = (file: string): boolean | null => {
    const at = attribute(file);
    return at === null ? null : sys.flag(at);
  };

  const capsFile = attribute("caps");
  const capsText = capsFile === null ? null : sys.text(capsFile);
  const caps =
    capsText === null || capsFile === null ? null : record(sys, parseTpmCaps(capsText, capsFile));

  const pcrs: TpmPcrs = {};
  const pcrsFile = attribute("pcrs");
  const pcrsText = pcrsFile === null ? null : sys.text(pcrsFile);
  if (pcrsText !== null && pcrsFile !== null) {
    const sha1 = record(sys, parseTpmPcrs(pcrsText, pcrsFile));
    if (sha1 !== null) pcrs.sha1 = sha1;
  }
  const banks = own.flatMap((n) => PCR_BANK.exec(n)?.[1] ?? []);
  for (const bank of banks) pcrs[bank] = readBank(sys, `${base}/pcr-${bank}`);

  const versionFile = attribute("tpm_version_major");
  let versionMajor = versionFile === null ? null : sys.integer(versionFile);
  if (versionMajor === null && TPM1_ATTRIBUTES.some((a) => attribute(a) !== null)) versionMajor = 1;
  else if (versionMajor === null && banks.length > 0) versionMajor = 2;

  return {
    name,
    versionMajor: versionMajor === 0 ? null : versionMajor,
    manufacturer: caps?.manufacturer ?? null,
    tcgVersion: caps?.tcgVersion ?? null,
    firmwareVersion: caps?.firmwareVersion ?? null,
    enabled: flag("enabled"),
    active: flag("active"),
    owned: flag("owned"),
    temporarilyDeactivated: flag("temp_deactivated"),
    pcrBanks: banks.length > 0 ? banks : pcrs.sha1 !== undefined ? ["sha1"] : null,
    pcrs: Object.keys(pcrs).length > 0 ? pcrs : null,
    driver: sys.linkName(`${device}/driver`),
    hardwareIds: hardwareIds(sys, device, parent),
    at: { file: base },
  };
}

/** `pcr-sha256/0` … `pcr-sha256/23`, index → hex. */
function readBank(sys: SysfsReader, dir: string): Record<string, string> {
  const values: Record<string, string> = {};
  const indexes = (sys.list(dir) ?? []).filter((n) => PCR_INDEX.test(n));
  for (const index of indexes.sort((a, b) => Number(a) - Number(b))) {
    const file = `${dir}/${index}`;
    const text = sys.text(file);
    const value = text === null ? null : record(sys, parseTpmPcrValue(text, file));
    if (value !== null) values[String(Number(index))] = value;
  }
  return values;
}

/**
 * The IDs the firmware gave the TPM's device: a PNP device's `id` (one per line: `IFX0102`,
 * `PNP0C31`, drivers/pnp/interface.c), or an ACPI device's `hid`, or its firmware node's.
 */
function hardwareIds(sys: SysfsReader, device: string, parent: readonly string[]): string[] | null {
  if (parent.includes("id")) {
    const text = sys.text(`${device}/id`);
    if (text !== null)
      return splitLines(text)
        .map((l) => l.trim())
        .filter((l) => l !== "");
  }
  const hid = parent.includes("hid")
    ? sys.value(`${device}/hid`)
    : sys.value(`${device}/firmware_node/hid`);
  return hid === null || hid === "" ? null : [hid];
}

/** The value of a parse, its diagnostics kept with the reader's. */
function record<T>(sys: SysfsReader, parsed: Parsed<T>): T | null {
  sys.diagnostics.push(...parsed.diagnostics);
  return parsed.value;
}
