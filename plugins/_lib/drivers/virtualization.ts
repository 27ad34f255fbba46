import type { Driver, Fact } from "../../../core/plugin/api.js";
import type { Inventory } from "../../../core/inventory/inventory.js";
import { cite, withNote } from "../facts/evidence.js";
import { platformDevice } from "../facts/device.js";
import { known, unknown } from "../facts/fact.js";
import { acpiTable, tableEvidence, tableListComplete, tableListEvidence } from "../read/acpi.js";
import { cpuFlags, cpuMaker, type CpuFlags } from "../read/cpu.js";
import { vproRecord, type VproRecord } from "../read/intel-smbios.js";
import { kernelAtLeast } from "../read/kernel.js";
import { describePci } from "../read/pci.js";

/** Options of {@link virtualizationDriver}. */
export interface VirtualizationDriverOptions {
  readonly id?: string;
  readonly title?: string;
}

/**
 * The virtualization driver: VT-x and VT-d. Kernels 5.6 and newer clear the `vmx` flag when
 * IA32_FEATURE_CONTROL is locked without VMX (outside SMX) — firmware with VT-x off, or with TXT
 * on and VMX only inside SMX (arch/x86/kernel/cpu/feat_ctl.c) — so on them `vmx` means usable and
 * its absence means not usable; older kernels show `vmx` whenever the CPU has it. Intel's SMBIOS
 * 131 record gives the firmware's own view (CPU_CAP bits 4, 5). AMD-V is not VT-x. VT-d is the
 * ACPI DMAR table (absent when VT-d is off in the BIOS), or IOMMU groups in lspci.
 */
export function virtualizationDriver(options: VirtualizationDriverOptions = {}): Driver {
  return {
    id: options.id ?? "virtualization",
    class: "virtualization",
    title: options.title ?? "VT-x and VT-d from CPU flags, SMBIOS 131 and ACPI DMAR",
    probe: ({ inventory }) => {
      if (
        inventory.cpu === null &&
        inventory.smbios === null &&
        inventory.acpi === null &&
        inventory.pci === null
      )
        return null;
      const { vtxCapable, vtxEnabled } = vtx(inventory);
      return [
        platformDevice("virtualization", "Intel VT-x and VT-d", {
          vtxCapable,
          vtxEnabled,
          vtd: vtd(inventory),
        }),
      ];
    },
  };
}

function vtx(inventory: Inventory): { vtxCapable: Fact; vtxEnabled: Fact } {
  const maker = cpuMaker(inventory);
  const flags = cpuFlags(inventory);
  if (maker.maker === "amd" && maker.evidence !== null) {
    const svm = flags?.has("svm") ? " (it has AMD-V: svm)" : "";
    const no = known(false, withNote(maker.evidence, `an AMD CPU: VT-x is Intel's${svm}`));
    return { vtxCapable: no, vtxEnabled: no };
  }
  const vpro = vproRecord(inventory);
  const modern = kernelAtLeast(inventory, 5, 6);
  return {
    vtxCapable: capable(flags, vpro, modern),
    vtxEnabled: enabled(inventory, flags, vpro, modern),
  };
}

function capable(flags: CpuFlags | null, vpro: VproRecord | null, modern: boolean | null): Fact {
  if (flags?.has("vmx") === true)
    return known(true, withNote(flags.evidence, "vmx flag: the CPU has VT-x"));
  const bit = vpro?.record.vtxCapable ?? null;
  if (vpro !== null && bit !== null)
    return known(bit, withNote(vpro.evidence, `CPU_CAP bit 4 (VT-x capable) = ${bit ? 1 : 0}`));
  if (flags !== null && modern === false)
    return known(
      false,
      withNote(
        flags.evidence,
        "no vmx on a kernel before 5.6, which shows vmx whenever the CPU has it",
      ),
    );
  if (flags !== null)
    return unknown(
      "no vmx flag, but kernels 5.6+ (or an undated kernel) hide it when the firmware locks VMX off",
      flags.evidence,
    );
  return unknown("no CPU flag list and no SMBIOS 131 vPro record");
}

function enabled(
  inventory: Inventory,
  flags: CpuFlags | null,
  vpro: VproRecord | null,
  modern: boolean | null,
): Fact {
  const bit = vpro?.record.vtxEnabled ?? null;
  const kernel =
    inventory.kernel === null
      ? []
      : [cite(inventory.kernel.at, `kernel ${inventory.kernel.version}`)];
  if (flags !== null && !flags.has("vmx")) {
    // Without vmx the OS cannot use VT-x on any kernel: a 5.6+ kernel hid it because the firmware
    // locked VMX off, an older one because the CPU has none.
    const why =
      modern === true
        ? "no vmx on a 5.6+ kernel: VMX locked off by the firmware (arch/x86/kernel/cpu/feat_ctl.c)"
        : modern === false
          ? "no vmx on a kernel before 5.6: the CPU has no VT-x"
          : "no vmx: the OS cannot use VT-x (locked off by the firmware, or absent)";
    const trap =
      bit === true && vpro !== null
        ? [
            withNote(
              vpro.evidence,
              `SMBIOS 131 says VT-x enabled${vpro.record.txtEnabled ? " with TXT enabled" : ""}: VMX is locked on inside SMX only, so the OS cannot use it outside a measured launch (feat_ctl.c)`,
            ),
          ]
        : [];
    return known(false, withNote(flags.evidence, why), ...trap, ...kernel);
  }
  if (flags !== null && modern === true) {
    return known(
      true,
      withNote(flags.evidence, "vmx shown by a 5.6+ kernel: VT-x usable"),
      ...kernel,
    );
  }
  if (vpro !== null && bit === true && vpro.record.txtEnabled !== false) {
    // With TXT enabled (or not known to be off) the firmware may lock VMX on inside SMX only:
    // then the OS cannot use VT-x outside a measured launch, and only a 5.6+ kernel's flag list
    // tells (arch/x86/kernel/cpu/feat_ctl.c).
    return unknown(
      "SMBIOS 131 says VT-x enabled, but with TXT enabled (or TXT unknown) VMX may be usable inside SMX only; no 5.6+ kernel flag list tells",
      vpro.evidence,
      ...kernel,
    );
  }
  if (vpro !== null && bit !== null) {
    return known(bit, withNote(vpro.evidence, `CPU_CAP bit 5 (VT-x enabled) = ${bit ? 1 : 0}`));
  }
  if (flags !== null) {
    const why =
      modern === null
        ? "the kernel that listed vmx is not known: before 5.6 it shows vmx whatever the firmware setting"
        : "kernels before 5.6 show vmx whatever the firmware setting, and there is no SMBIOS 131 record";
    return unknown(why, flags.evidence, ...kernel);
  }
  return unknown("no CPU flag list and no SMBIOS 131 vPro record");
}

function vtd(inventory: Inventory): Fact {
  const dmar = acpiTable(inventory, "DMAR");
  if (dmar !== undefined)
    return known(true, tableEvidence(dmar, "DMAR: the firmware describes VT-d remapping units"));
  const ivrs = acpiTable(inventory, "IVRS");
  if (ivrs !== undefined) return known(true, tableEvidence(ivrs, "IVRS: an AMD IOMMU"));
  const grouped = (inventory.pci ?? []).find((fn) => fn.iommuGroup !== null);
  if (grouped !== undefined)
    return known(
      true,
      cite(
        grouped.at,
        `${describePci(grouped)}: IOMMU group ${grouped.iommuGroup ?? "?"}`,
        "an IOMMU is active",
      ),
    );
  if (tableListComplete(inventory))
    return known(
      false,
      tableListEvidence(
        inventory,
        "no DMAR (or IVRS) in the whole table list: VT-d off in the BIOS or absent",
      ),
    );
  return unknown(
    inventory.acpi === null
      ? "no ACPI dump and no IOMMU groups in the PCI list"
      : "the ACPI table list is not complete, so a missing DMAR proves nothing",
  );
}
