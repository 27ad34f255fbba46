import type { EvidenceSource } from "../evidence/evidence-source.js";
import { LOG_NAMES } from "../evidence/log-names.js";
import { collectAcpi } from "./acpi/collect-acpi.js";
import type { Diagnostic, Parsed } from "./common.js";
import { collectCpu } from "./cpu/collect-cpu.js";
import { collectDisplay } from "./display/collect-display.js";
import { parseHwinfo } from "./hwinfo/parse-hwinfo.js";
import { collectKernel } from "./kernel/collect-kernel.js";
import type { Kernel } from "./kernel/schema.js";
import { collectMei } from "./mei/collect-mei.js";
import { collectMemory } from "./memory/collect-memory.js";
import { collectNet } from "./net/collect-net.js";
import { collectPci } from "./pci/collect-pci.js";
import { collectPower } from "./power/collect-power.js";
import type { Inventory } from "./schema.js";
import { collectSmbios } from "./smbios/collect-smbios.js";
import { collectStorage } from "./storage/collect-storage.js";
import { collectTpm } from "./tpm/collect-tpm.js";
import { collectUsb } from "./usb/collect-usb.js";
import { kernelVersionFromRootHubs } from "./usb/kernel-version.js";

/**
 * Reads a machine's evidence into its {@link Inventory}: every collector over the same source,
 * each preferring the sysroot and falling back to the hw-probe logs. Never throws on bad
 * evidence: what could not be read is in `diagnostics`, and the rest is still used.
 *
 * @param readDiagnostics - filled by the source's file reads (unreadable, oversized, binary
 *   files); read after the collectors ran.
 * @public
 */
export function buildInventory(
  source: EvidenceSource,
  readDiagnostics: readonly Diagnostic[] = [],
): Inventory {
  const diagnostics: Diagnostic[] = [];
  const take = <T>(parsed: Parsed<T>): T | null => {
    diagnostics.push(...parsed.diagnostics);
    return parsed.value;
  };
  const usb = take(collectUsb(source));
  const hwinfoLog = source.log("hwinfo");
  const hwinfo = hwinfoLog === null ? null : take(parseHwinfo(hwinfoLog.text, hwinfoLog.name));
  const inventory: Inventory = {
    schemaVersion: 1,
    source: {
      kind: source.kind,
      location: source.location,
      logs: LOG_NAMES.filter((name) => source.log(name) !== null),
      sysroot: source.sys !== null,
      capturedAt: source.meta?.capturedAt ?? null,
      capturedBy: source.meta?.capturedBy ?? null,
      hostname: source.meta?.hostname ?? null,
    },
    kernel: take(collectKernel(source)) ?? rootHubKernel(usb),
    smbios: take(collectSmbios(source)),
    cpu: take(collectCpu(source)) ?? hwinfo?.cpu ?? null,
    memory: take(collectMemory(source)),
    pci: take(collectPci(source)),
    usb,
    acpi: take(collectAcpi(source)),
    power: take(collectPower(source)),
    tpm: take(collectTpm(source)),
    mei: take(collectMei(source)),
    net: take(collectNet(source)),
    storage: take(collectStorage(source)),
    display: take(collectDisplay(source)),
    diagnostics: [],
    platform: null,
    capabilities: null,
  };
  return { ...inventory, diagnostics: dedupe([...readDiagnostics, ...diagnostics]) };
}

/** Linux root hubs carry the kernel's major.minor: how a recorded probe without meta is dated. */
function rootHubKernel(usb: Parameters<typeof kernelVersionFromRootHubs>[0] | null): Kernel | null {
  const found = usb === null ? null : kernelVersionFromRootHubs(usb);
  return found === null ? null : { release: found.release, version: found.version, at: found.at };
}

/** Sections that fall back to the same log report its problems once. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.file}\u0000${d.line ?? ""}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
