import type { Driver, Fact } from "../../../core/plugin/api.js";
import type { Inventory } from "../../../core/inventory/inventory.js";
import { cite, withNote } from "../facts/evidence.js";
import { platformDevice } from "../facts/device.js";
import { known, unknown, type Facts } from "../facts/fact.js";
import { findChipset, type ChipsetEvidence, type ChipsetTable } from "../read/chipset.js";
import { cpuMaker } from "../read/cpu.js";
import { amtRecord, meaningfulVersion, vproRecord } from "../read/intel-smbios.js";
import { describePci, functionsIn, pciId } from "../read/pci.js";

/** What an ME PCI function is. */
export type MeFunctionRole = "mei" | "ide-r" | "kt-sol";

/** ME PCI functions by `vendor:device`: the interface (MEI/HECI) and AMT's redirection functions. */
export type MeFunctionTable = Readonly<
  Record<string, { readonly role: MeFunctionRole; readonly name: string }>
>;

/** Options of {@link vproDriver}. */
export interface VproDriverOptions {
  readonly id?: string;
  readonly title?: string;
  /** Chipset SKUs by LPC id, with whether each supports AMT. */
  readonly chipsets: ChipsetTable;
  /** The ME's PCI functions the plugin knows. */
  readonly meFunctions: MeFunctionTable;
}

/**
 * The vPro/AMT driver. AMT's redirection functions (IDE-R, KT/SOL) exist only when AMT is
 * provisioned-capable and enabled, so they prove both; the MEI interface alone proves nothing
 * (consumer chipsets expose it too). Without them, a chipset SKU that supports AMT makes the
 * machine capable, unless Intel's SMBIOS 130 `$AMT` record says AMT is not supported (HP 8440p),
 * and 130's "enabled" byte is trusted only when it says no; on SKUs without AMT the record is a
 * reference-BIOS template (all ones on consumer HM65 boards) and is ignored.
 */
export function vproDriver(options: VproDriverOptions): Driver {
  return {
    id: options.id ?? "vpro",
    class: "vpro",
    title: options.title ?? "Intel vPro/AMT from ME PCI functions, chipset and SMBIOS 130/131",
    probe: ({ inventory }) => {
      if (inventory.pci === null && inventory.smbios === null && inventory.cpu === null)
        return null;
      const { amtCapable, amtEnabled } = decide(inventory, options);
      const facts: Facts = {
        amtCapable,
        amtEnabled,
        meFirmware: meFirmware(inventory),
        ...meFacts(inventory, options.meFunctions),
      };
      return [platformDevice("vpro", "Intel vPro / Active Management Technology", facts)];
    },
  };
}

type Amt = { amtCapable: Fact; amtEnabled: Fact };
const both = (fact: Fact): Amt => ({ amtCapable: fact, amtEnabled: fact });

function decide(inventory: Inventory, options: VproDriverOptions): Amt {
  const maker = cpuMaker(inventory);
  if (maker.maker === "amd" && maker.evidence !== null) {
    return both(known(false, withNote(maker.evidence, "AMD platform: no Intel ME, no AMT")));
  }
  const redirection = functionsIn(inventory.pci ?? [], options.meFunctions).filter(
    (f) => f.entry.role !== "mei",
  );
  if (redirection.length > 0) {
    const note = "an AMT-only function, present only with AMT enabled";
    return both(
      known(
        true,
        ...redirection.map(({ fn, entry }) =>
          cite(fn.at, describePci(fn), `${entry.name}: ${note}`),
        ),
      ),
    );
  }
  return fromFirmware(inventory, findChipset(inventory, options.chipsets));
}

/** Without AMT's functions: the chipset SKU, and what SMBIOS 130 may be trusted to say. */
function fromFirmware(inventory: Inventory, chipset: ChipsetEvidence | null): Amt {
  const amt = amtRecord(inventory);
  if (chipset?.info?.amt === false) {
    const evidence = [
      withNote(chipset.evidence, `${chipset.info.name} has no AMT (${chipset.info.source})`),
    ];
    if (amt !== null)
      evidence.push(
        withNote(amt.evidence, "a reference-BIOS template on a chipset without AMT: ignored"),
      );
    return both(known(false, ...evidence));
  }
  if (amt?.record.supported === false) {
    // A "not supported" answer is trusted even where "supported" is not: templates say yes, not no.
    const note = "the firmware says AMT is not supported on this SKU";
    return both(
      known(false, withNote(amt.evidence, note), ...(chipset === null ? [] : [chipset.evidence])),
    );
  }
  const hidden =
    inventory.pci === null
      ? "no PCI list, so AMT's functions cannot be seen"
      : "no IDE-R or KT/SOL function in the PCI list";
  if (chipset === null || chipset.info?.amt !== true) {
    const why =
      chipset === null
        ? "the evidence shows no chipset"
        : `chipset ${chipset.id} is not in this plugin's tables; ${hidden}; the MEI and SMBIOS 130 alone prove nothing`;
    return {
      amtCapable: unknown(why, ...(chipset === null ? [] : [chipset.evidence])),
      amtEnabled: unknown(why),
    };
  }
  const amtCapable = known(
    true,
    withNote(
      chipset.evidence,
      `${chipset.info.name} supports AMT (${chipset.info.source}); ${hidden}`,
    ),
  );
  if (amt === null) {
    // DESIGN: AMT capability needs AMT evidence — AMT-only functions, or firmware declaring AMT
    // on a vPro platform. The chipset alone is not that: a QM57 machine may ship non-AMT ME
    // firmware (the EliteBook 8440p's $AMT record says "not supported").
    const why = `${chipset.info.name} can carry AMT (${chipset.info.source}), but ${hidden} and no SMBIOS 130 $AMT record says whether this machine's ME firmware has it`;
    return {
      amtCapable: unknown(why, chipset.evidence),
      amtEnabled: unknown(why, chipset.evidence),
    };
  }
  if (amt.record.enabled === false) {
    return {
      amtCapable,
      amtEnabled: known(
        false,
        withNote(amt.evidence, "$AMT enabled byte 0: AMT disabled in the firmware"),
      ),
    };
  }
  return {
    amtCapable,
    amtEnabled: unknown(`SMBIOS 130 says enabled but ${hidden}: the two disagree`, amt.evidence),
  };
}

function meFirmware(inventory: Inventory): Fact {
  const vpro = vproRecord(inventory);
  const fromSmbios = meaningfulVersion(vpro?.record.meFirmwareVersion);
  if (vpro !== null && fromSmbios !== null)
    return known(fromSmbios, withNote(vpro.evidence, `ME_CAP firmware version ${fromSmbios}`));
  for (const mei of inventory.mei ?? []) {
    const version = mei.fwVersions?.map(meaningfulVersion).find((v) => v !== null);
    if (version)
      return known(version, cite(mei.at, `${mei.name} fw_ver ${mei.fwVersions?.join(" ") ?? ""}`));
  }
  return unknown(
    "no SMBIOS 131 firmware version and no MEI fw_ver (the kernel reads it on PCH7 and newer only, drivers/misc/mei/hw-me.c)",
    ...(vpro ? [vpro.evidence] : []),
  );
}

/** PCI class 0780 from Intel: the ME interface (MEI/HECI), how every generation enumerates it. */
const ME_INTERFACE_CLASS = "0780";

function meFacts(inventory: Inventory, table: MeFunctionTable): Facts {
  if (inventory.pci === null) return {};
  const mei = inventory.pci.filter(
    (fn) =>
      table[pciId(fn)]?.role === "mei" ||
      (fn.vendorId === "8086" && fn.classId === ME_INTERFACE_CLASS),
  );
  const redirection = functionsIn(inventory.pci, table).filter((f) => f.entry.role !== "mei");
  const meiEvidence = mei.map((fn) =>
    cite(
      fn.at,
      describePci(fn),
      `the ME interface${fn.driverKnown && fn.driver === null ? ", no driver bound" : ""}: not evidence of AMT on its own`,
    ),
  );
  const source = inventory.pci[0]?.at.file ?? "logs/lspci_all";
  return {
    meInterface:
      mei.length > 0
        ? known(true, ...meiEvidence)
        : known(false, {
            source,
            note: "no ME interface function listed (some BIOSes hide it when AMT is disabled)",
          }),
    amtFunctions: known(
      redirection.map((f) => f.entry.name),
      ...(redirection.length > 0
        ? redirection.map(({ fn, entry }) => cite(fn.at, describePci(fn), entry.name))
        : [{ source, note: "no IDE-R or KT/SOL function listed" }]),
    ),
  };
}
