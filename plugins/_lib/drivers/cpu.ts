import type { Driver, Evidence, Fact } from "../../../core/plugin/api.js";
import type { Inventory } from "../../../core/inventory/inventory.js";
import { cite } from "../facts/evidence.js";
import { platformDevice } from "../facts/device.js";
import { known, unknown, type Facts } from "../facts/fact.js";
import { cpuMaker } from "../read/cpu.js";

/** Options of {@link cpuDriver}. */
export interface CpuDriverOptions {
  readonly id?: string;
  readonly title?: string;
}

const VENDOR_ID = { intel: "GenuineIntel", amd: "AuthenticAMD" } as const;

/**
 * The CPU driver: vendor (the CPUID vendor string, `GenuineIntel`), model (the brand string),
 * cores and threads, from the kernel's view (cpuinfo, hwinfo) or else SMBIOS type 4.
 */
export function cpuDriver(options: CpuDriverOptions = {}): Driver {
  return {
    id: options.id ?? "cpu",
    class: "cpu",
    title: options.title ?? "CPU from cpuinfo/hwinfo and SMBIOS type 4",
    probe: ({ inventory }) => {
      if (inventory.cpu === null && (inventory.smbios?.processors ?? []).length === 0) return null;
      return [platformDevice("cpu", "Processor", facts(inventory))];
    },
  };
}

function facts(inventory: Inventory): Facts {
  const cpu = inventory.cpu;
  const sockets =
    inventory.smbios?.processors?.filter((p) => p.version !== null || p.cores !== null) ?? [];
  const smbiosAt: Evidence[] = sockets.map((p) =>
    cite(
      p.at,
      `SMBIOS 4: ${p.version ?? "?"}, ${p.cores ?? "?"} cores, ${p.threads ?? "?"} threads`,
    ),
  );
  const maker = cpuMaker(inventory);
  const vendor: Fact =
    maker.maker === null || maker.evidence === null
      ? unknown("neither the kernel nor SMBIOS names the CPU's maker")
      : known(VENDOR_ID[maker.maker], maker.evidence);
  const osAt =
    cpu === null
      ? null
      : cite(
          cpu.at,
          `${cpu.model ?? "?"}: ${cpu.cores ?? "?"} cores, ${cpu.threads ?? "?"} threads`,
        );
  const model = cpu?.model ?? sockets.find((p) => p.version !== null)?.version ?? null;
  return {
    vendor,
    model:
      model === null
        ? unknown("no brand string in the evidence")
        : known(model.replace(/\s+/g, " ").trim(), ...(cpu?.model ? [osAt!] : smbiosAt)),
    cores: count(cpu?.cores ?? null, osAt, sum(sockets.map((p) => p.cores)), smbiosAt, "cores"),
    threads: count(
      cpu?.threads ?? null,
      osAt,
      sum(sockets.map((p) => p.threads)),
      smbiosAt,
      "threads",
    ),
  };
}

function sum(values: readonly (number | null)[]): number | null {
  return values.length === 0 || values.some((v) => v === null)
    ? null
    : values.reduce<number>((a, b) => a + (b ?? 0), 0);
}

function count(
  os: number | null,
  osAt: Evidence | null,
  smbios: number | null,
  smbiosAt: Evidence[],
  what: string,
): Fact {
  if (os !== null && osAt !== null) return known(os, osAt);
  if (smbios !== null) return known(smbios, ...smbiosAt);
  return unknown(`neither the kernel nor SMBIOS type 4 gives the number of ${what}`);
}
