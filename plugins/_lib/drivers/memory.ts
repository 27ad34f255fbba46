import type { Driver, Fact } from "../../../core/plugin/api.js";
import type { Inventory } from "../../../core/inventory/inventory.js";
import { cite } from "../facts/evidence.js";
import { platformDevice } from "../facts/device.js";
import { known, unknown, type Facts } from "../facts/fact.js";

/** Options of {@link memoryDriver}. */
export interface MemoryDriverOptions {
  readonly id?: string;
  readonly title?: string;
}

/**
 * The memory driver: `totalMiB` is the installed memory, the sum of the SMBIOS type 17 modules
 * (what the machine is sold with, the same on every kernel); without them, the kernel's MemTotal,
 * which is a little less (firmware and kernel reserve some). `usableMiB` is MemTotal.
 */
export function memoryDriver(options: MemoryDriverOptions = {}): Driver {
  return {
    id: options.id ?? "memory",
    class: "memory",
    title: options.title ?? "Memory from SMBIOS type 17 and /proc/meminfo",
    probe: ({ inventory }) => {
      if (inventory.memory === null && inventory.smbios === null) return null;
      const usable = usableMiB(inventory);
      const facts: Facts = { totalMiB: installedMiB(inventory) ?? usable, usableMiB: usable };
      return [platformDevice("memory", "System memory", facts)];
    },
  };
}

function installedMiB(inventory: Inventory): Fact | null {
  const modules =
    inventory.smbios?.memoryDevices?.filter((m) => m.installed === true && m.sizeMiB !== null) ??
    [];
  if (modules.length === 0) return null;
  const total = modules.reduce((sum, m) => sum + (m.sizeMiB ?? 0), 0);
  return known(
    total,
    ...modules.map((m) =>
      cite(
        m.at,
        `${m.locator ?? "?"}: ${m.raw.size ?? `${m.sizeMiB} MiB`}${m.type ? ` ${m.type}` : ""}`,
      ),
    ),
  );
}

function usableMiB(inventory: Inventory): Fact {
  const memory = inventory.memory;
  if (memory === null) return unknown("/proc/meminfo is not in the evidence");
  return known(
    Math.floor(memory.totalKiB / 1024),
    cite(memory.at, `MemTotal: ${memory.totalKiB} kB`),
  );
}
