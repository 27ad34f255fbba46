import type { Capabilities } from "../capabilities/schema.js";
import type { Inventory } from "../inventory/inventory.js";
import type { DeviceClass, Evidence } from "../plugin/api.js";
import type { ProbedDevice } from "../plugin/driver-runner.js";

/** A fact's value as suites see it: `null` is *unknown from this evidence*. @public */
export type SuiteFactValue = boolean | number | string | readonly string[] | null;

/** The value types of suite facts, which decide the validators a check may use on them. @public */
export type SuiteFactType = "boolean" | "number" | "string" | "list";

/** A fact with the evidence behind it, as a plan and a report show it. @public */
export interface ResolvedFact {
  readonly name: string;
  readonly value: SuiteFactValue;
  readonly evidence: readonly Evidence[];
}

/** A machine as facts are read from it: the inventory (with its capability summary) and the devices. @public */
export interface MachineFacts {
  readonly inventory: Inventory;
  readonly devices: readonly ProbedDevice[];
}

/** Every suite fact of a machine, resolved once (what an HCL keeps to re-evaluate quickly). @public */
export type FactTable = Readonly<Record<string, ResolvedFact>>;

/** Where facts are read from: a machine, or a table resolved from one before. @public */
export type FactSources = MachineFacts | { readonly table: FactTable };

/** One fact suites may name, with its type, unit and meaning. @public */
export interface SuiteFact {
  readonly name: string;
  readonly type: SuiteFactType;
  readonly unit?: string;
  readonly description: string;
  /** The device class (and the device fact) the value comes from, for its evidence. */
  readonly from?: { readonly class: DeviceClass; readonly fact?: string };
  read(capabilities: Capabilities, inventory: Inventory): SuiteFactValue;
  /** The evidence of a fact that comes from the inventory rather than a device. */
  evidence?(inventory: Inventory): readonly Evidence[];
}

/**
 * A power or sleep button (ACPI 6.5 §4.8.2.2): a fixed-feature button the FADT flags declare,
 * or a control-method button device (`PNP0C0C` power, `PNP0C0E` sleep) in the namespace. `false`
 * only when both the FADT and the whole namespace were read and neither shows one.
 */
function button(kind: "power" | "sleep"): SuiteFact {
  const hid = kind === "power" ? "PNP0C0C" : "PNP0C0E";
  const devices = (inv: Inventory) =>
    (inv.acpi?.devices ?? []).filter(
      (d) => d.hid === hid || d.hidCandidates.includes(hid) || d.cids.includes(hid),
    );
  return {
    name: `buttons.${kind}`,
    type: "boolean",
    description: `a ${kind} button: ACPI fixed-feature (FADT) or control-method device ${hid}`,
    read: (_c, inv) => {
      const fixed = inv.acpi?.fixedFeatureButtons?.[kind] ?? null;
      if (fixed === true || devices(inv).length > 0) return true;
      return fixed === false && inv.acpi?.namespace?.complete === true ? false : null;
    },
    evidence: (inv) => [
      ...(inv.acpi?.fixedFeatureButtons ? [refEvidence(inv.acpi.fixedFeatureButtons.at)] : []),
      ...devices(inv).flatMap((d) => d.idSources.slice(0, 1).map((x) => refEvidence(x.at))),
    ],
  };
}

function refEvidence(at: { file: string; line?: number; endLine?: number }): Evidence {
  return {
    source: at.file,
    ...(at.line === undefined ? {} : { line: at.line }),
    ...(at.endLine === undefined ? {} : { endLine: at.endLine }),
  };
}

/**
 * DRM connector types that are the laptop's own panel (drm_connector.c `drm_connector_enum_list`:
 * LVDS, eDP, DSI); every other connector is an output for an external display.
 */
const INTERNAL_OUTPUTS = new Set(["LVDS", "eDP", "DSI"]);

const countOf = <T>(list: readonly T[] | null, keep: (item: T) => boolean = () => true) =>
  list === null ? null : list.filter(keep).length;

/** A list of strings, or `null` when the list or any of its members is unknown. */
const stringsOf = (values: readonly (string | null)[] | null): readonly string[] | null =>
  values === null || values.some((v) => v === null)
    ? null
    : [...new Set(values as string[])].sort();

function deviceFact(
  name: string,
  type: SuiteFactType,
  cls: DeviceClass,
  fact: string,
  description: string,
  read: (c: Capabilities) => SuiteFactValue,
  unit?: string,
): SuiteFact {
  return { name, type, description, from: { class: cls, fact }, read, ...(unit ? { unit } : {}) };
}

/**
 * The facts a suite's `check` and `when` may name: the capability summary of DESIGN.md, the
 * counts and lists derived from it, and the machine's identity (for `when` and waiver scopes).
 * The names are published as an enum in `schemas/suite.schema.json`, so editors complete them.
 *
 * @public
 */
export const SUITE_FACTS: readonly SuiteFact[] = [
  deviceFact("tpm.present", "boolean", "tpm", "present", "a TPM is present", (c) => c.tpm.present),
  deviceFact(
    "tpm.version",
    "string",
    "tpm",
    "version",
    'TPM family: "1.2" or "2.0"',
    (c) => c.tpm.version,
  ),
  deviceFact(
    "tpm.vendor",
    "string",
    "tpm",
    "vendor",
    "TCG vendor id (IFX, STM, ATML, BRCM, NTC…)",
    (c) => c.tpm.vendor,
  ),
  deviceFact(
    "tpm.enabled",
    "boolean",
    "tpm",
    "enabled",
    "the TPM is enabled",
    (c) => c.tpm.enabled,
  ),
  deviceFact("tpm.active", "boolean", "tpm", "active", "the TPM is active", (c) => c.tpm.active),
  deviceFact("tpm.owned", "boolean", "tpm", "owned", "the TPM has an owner", (c) => c.tpm.owned),
  deviceFact(
    "txt.capable",
    "boolean",
    "txt",
    "capable",
    "the platform is Intel TXT capable",
    (c) => c.txt.capable,
  ),
  deviceFact(
    "txt.enabled",
    "boolean",
    "txt",
    "enabled",
    "TXT is enabled in the firmware",
    (c) => c.txt.enabled,
  ),
  deviceFact(
    "vpro.amtCapable",
    "boolean",
    "vpro",
    "amtCapable",
    "Intel AMT is supported",
    (c) => c.vpro.amtCapable,
  ),
  deviceFact(
    "vpro.amtEnabled",
    "boolean",
    "vpro",
    "amtEnabled",
    "Intel AMT is enabled",
    (c) => c.vpro.amtEnabled,
  ),
  deviceFact(
    "vpro.meFirmware",
    "string",
    "vpro",
    "meFirmware",
    "ME firmware version",
    (c) => c.vpro.meFirmware,
  ),
  deviceFact(
    "esata.ports",
    "number",
    "esata",
    "ports",
    "external SATA ports",
    (c) => c.esata.ports,
    "ports",
  ),
  {
    name: "cardReaders.count",
    type: "number",
    unit: "controllers",
    description: "memory-card host controllers (SD/MMC, Memory Stick, xD)",
    from: { class: "card-reader" },
    read: (c) => countOf(c.cardReaders),
  },
  {
    name: "wifi.count",
    type: "number",
    unit: "adapters",
    description: "WiFi adapters",
    from: { class: "wifi" },
    read: (c) => countOf(c.wifi),
  },
  {
    name: "wifi.drivers",
    type: "list",
    description: "kernel drivers bound to the WiFi adapters (unknown when one has none)",
    from: { class: "wifi" },
    read: (c) => (c.wifi === null ? null : stringsOf(c.wifi.map((d) => d.driver))),
  },
  deviceFact(
    "vtx.capable",
    "boolean",
    "virtualization",
    "vtxCapable",
    "the CPU has Intel VT-x",
    (c) => c.vtx.capable,
  ),
  deviceFact(
    "vtx.enabled",
    "boolean",
    "virtualization",
    "vtxEnabled",
    "VT-x is usable by the OS",
    (c) => c.vtx.enabled,
  ),
  deviceFact(
    "vtd",
    "boolean",
    "virtualization",
    "vtd",
    "VT-d / IOMMU (ACPI DMAR table)",
    (c) => c.vtd,
  ),
  deviceFact("aesni", "boolean", "crypto", "aesni", "the CPU has AES-NI", (c) => c.aesni),
  deviceFact("lid", "boolean", "power", "lid", "a lid switch", (c) => c.lid),
  deviceFact("s3", "boolean", "power", "s3", "suspend to RAM (ACPI S3)", (c) => c.s3),
  deviceFact("battery", "boolean", "power", "battery", "a battery", (c) => c.battery),
  button("power"),
  button("sleep"),
  {
    name: "display.outputs",
    type: "number",
    unit: "outputs",
    description: "video outputs, the internal panel included",
    from: { class: "display" },
    read: (c) => countOf(c.display.outputs),
  },
  {
    name: "display.externalOutputs",
    type: "number",
    unit: "outputs",
    description: "outputs for an external display (every connector but LVDS, eDP and DSI)",
    from: { class: "display" },
    read: (c) =>
      c.display.outputs === null || c.display.outputs.some((o) => o.kind === null)
        ? null
        : countOf(c.display.outputs, (o) => !INTERNAL_OUTPUTS.has(o.kind ?? "")),
  },
  {
    name: "display.kinds",
    type: "list",
    description: "connector kinds of the outputs (VGA, DP, HDMI-A, LVDS…)",
    from: { class: "display" },
    read: (c) =>
      c.display.outputs === null ? null : stringsOf(c.display.outputs.map((o) => o.kind)),
  },
  ...(["uhci", "ohci", "ehci", "xhci"] as const).map((kind): SuiteFact => ({
    name: `usb.${kind}`,
    type: "number",
    unit: "controllers",
    description: `${kind.toUpperCase()} host controllers`,
    from: { class: "usb" },
    read: (c) =>
      c.usb.controllers === null || c.usb.controllers.some((u) => u.kind === null)
        ? null
        : countOf(c.usb.controllers, (u) => u.kind === kind),
  })),
  {
    name: "usb.kinds",
    type: "list",
    description: "kinds of the USB host controllers (uhci, ohci, ehci, xhci)",
    from: { class: "usb" },
    read: (c) =>
      c.usb.controllers === null ? null : stringsOf(c.usb.controllers.map((u) => u.kind)),
  },
  deviceFact(
    "memory.totalMiB",
    "number",
    "memory",
    "totalMiB",
    "installed RAM",
    (c) => c.memory.totalMiB,
    "MiB",
  ),
  deviceFact(
    "cpu.vendor",
    "string",
    "cpu",
    "vendor",
    "CPU vendor (GenuineIntel, AuthenticAMD)",
    (c) => c.cpu.vendor,
  ),
  deviceFact("cpu.model", "string", "cpu", "model", "CPU brand string", (c) => c.cpu.model),
  deviceFact("cpu.cores", "number", "cpu", "cores", "CPU cores", (c) => c.cpu.cores, "cores"),
  deviceFact(
    "cpu.threads",
    "number",
    "cpu",
    "threads",
    "CPU threads",
    (c) => c.cpu.threads,
    "threads",
  ),
  {
    name: "system.vendor",
    type: "string",
    description: "system manufacturer (SMBIOS type 1)",
    read: (_c, inv) => inv.smbios?.identity?.system?.vendor ?? null,
  },
  {
    name: "system.product",
    type: "string",
    description: "system product name (SMBIOS type 1)",
    read: (_c, inv) => inv.smbios?.identity?.system?.product ?? null,
  },
  {
    name: "system.version",
    type: "string",
    description: "system version (SMBIOS type 1; Lenovo puts the model name here)",
    read: (_c, inv) => inv.smbios?.identity?.system?.version ?? null,
  },
  {
    name: "chassis.type",
    type: "string",
    description: "chassis type (SMBIOS type 3: Notebook, Laptop, Desktop…)",
    read: (_c, inv) => inv.smbios?.identity?.chassis?.type ?? null,
  },
  {
    name: "platform.plugin",
    type: "string",
    description: "the platform plugin chosen for the machine",
    read: (_c, inv) => inv.platform?.plugin ?? null,
  },
];

const BY_NAME = new Map(SUITE_FACTS.map((f) => [f.name, f]));

/** The fact of that name, or `undefined`. @public */
export function suiteFact(name: string): SuiteFact | undefined {
  return BY_NAME.get(name);
}

/** Every fact name, in catalog order. @public */
export const SUITE_FACT_NAMES: readonly string[] = SUITE_FACTS.map((f) => f.name);

/**
 * Reads one fact with its evidence: the evidence of the device fact it comes from, or of the
 * devices of its class, or the SMBIOS lines of the identity. Pure.
 *
 * @public
 */
export function resolveFact(name: string, sources: FactSources): ResolvedFact {
  if ("table" in sources) return sources.table[name] ?? { name, value: null, evidence: [] };
  const fact = BY_NAME.get(name);
  const capabilities = sources.inventory.capabilities;
  if (fact === undefined || capabilities === null) return { name, value: null, evidence: [] };
  return {
    name,
    value: fact.read(capabilities, sources.inventory),
    evidence: evidenceOf(fact, sources),
  };
}

/**
 * Every suite fact of a machine, each with at most `maxEvidence` pieces of evidence: the table an
 * HCL stores per bundle so that re-evaluating against another suite needs no evidence parsing.
 *
 * @public
 */
export function factTable(sources: MachineFacts, maxEvidence = 3): FactTable {
  return Object.fromEntries(
    SUITE_FACTS.map((f) => {
      const r = resolveFact(f.name, sources);
      return [f.name, { ...r, evidence: r.evidence.slice(0, maxEvidence) }];
    }),
  );
}

function evidenceOf(fact: SuiteFact, sources: MachineFacts): readonly Evidence[] {
  if (fact.evidence !== undefined) return fact.evidence(sources.inventory);
  if (fact.from === undefined) {
    const at = fact.name.startsWith("platform.")
      ? undefined
      : fact.name.startsWith("chassis.")
        ? sources.inventory.smbios?.identity?.chassis?.at
        : sources.inventory.smbios?.identity?.system?.at;
    return at === undefined || at === null ? [] : [refEvidence(at)];
  }
  const { class: cls, fact: deviceFactName } = fact.from;
  const devices = sources.devices.filter((d) => d.device.class === cls);
  const out: Evidence[] = [];
  for (const { device } of devices) {
    const chosen =
      deviceFactName === undefined
        ? device.evidence
        : (device.facts[deviceFactName]?.evidence ?? []);
    for (const e of chosen) if (out.length < 12) out.push(e);
  }
  return out;
}
