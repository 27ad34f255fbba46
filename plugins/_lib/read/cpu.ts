import type { Evidence } from "../../../core/plugin/api.js";
import type { Inventory } from "../../../core/inventory/inventory.js";
import { cite } from "../facts/evidence.js";

/** Who made the CPU, by the CPUID vendor string's maker. */
export type CpuMaker = "intel" | "amd";

/** The CPU's maker and where it was read; `null` when neither the OS nor SMBIOS says. */
export interface CpuMakerEvidence {
  readonly maker: CpuMaker | null;
  /** The vendor as the evidence spells it (`GenuineIntel`, `AMD processor`). */
  readonly vendor: string | null;
  readonly evidence: Evidence | null;
}

const INTEL = /GenuineIntel|\bIntel\b/i;
const AMD = /AuthenticAMD|\bAMD\b|Advanced Micro Devices/i;

function makerOf(...texts: (string | null)[]): CpuMaker | null {
  const text = texts.filter((t) => t !== null).join(" ");
  if (INTEL.test(text)) return "intel";
  if (AMD.test(text)) return "amd";
  return null;
}

/**
 * The CPU's maker: the kernel's `vendor_id` (cpuinfo or hwinfo), else SMBIOS type 4's
 * manufacturer and version strings (`AMD E-300 APU…`).
 */
export function cpuMaker(inventory: Inventory): CpuMakerEvidence {
  const cpu = inventory.cpu;
  if (cpu !== null) {
    const maker = makerOf(cpu.vendor);
    if (maker !== null) {
      return {
        maker,
        vendor: cpu.vendor,
        evidence: cite(cpu.at, `vendor ${cpu.vendor ?? "?"}: ${cpu.model ?? "?"}`),
      };
    }
  }
  for (const p of inventory.smbios?.processors ?? []) {
    const maker = makerOf(p.manufacturer, p.version);
    if (maker !== null) {
      const text = `Manufacturer: ${p.manufacturer ?? "?"}; Version: ${p.version ?? "?"}`;
      return { maker, vendor: p.manufacturer, evidence: cite(p.at, text) };
    }
  }
  return { maker: null, vendor: null, evidence: null };
}

/** The kernel's CPU feature flags and where they were read; `null` when the evidence has none. */
export interface CpuFlags {
  readonly flags: ReadonlySet<string>;
  readonly evidence: Evidence;
  has(flag: string): boolean;
}

/** The CPU flag list of cpuinfo or hwinfo (`vmx`, `smx`, `aes`…), or `null` without one. */
export function cpuFlags(inventory: Inventory): CpuFlags | null {
  const cpu = inventory.cpu;
  if (cpu?.flags === null || cpu?.flags === undefined) return null;
  const flags = new Set(cpu.flags);
  const shown = ["vmx", "svm", "smx", "aes"].filter((f) => flags.has(f));
  const text = `${cpu.flags.length} CPU flags; of vmx/svm/smx/aes: ${shown.join(" ") || "none"}`;
  return { flags, evidence: cite(cpu.at, text), has: (flag) => flags.has(flag) };
}
