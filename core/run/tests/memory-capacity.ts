import type { Inventory } from "../../inventory/inventory.js";
import type { ActiveTestResult, Evidence } from "../../plugin/api.js";
import type { CoreTest, CoreTestContext } from "./core-test.js";
import { integerParam } from "./params.js";

/** Installed memory as the evidence shows it. @public */
export interface InstalledMemory {
  readonly mib: number;
  /** `smbios`: the sum of the type 17 modules; `meminfo`: MemTotal, usable memory. */
  readonly from: "smbios" | "meminfo";
  readonly evidence: readonly Evidence[];
}

/**
 * Installed RAM: the sum of the SMBIOS type 17 modules when every slot's size is known (what the
 * machine is sold with), else `MemTotal` of /proc/meminfo (usable memory: a little less, as the
 * firmware and the kernel reserve some); `null` when the evidence has neither.
 *
 * @public
 */
export function installedMemory(inventory: Inventory): InstalledMemory | null {
  const slots = inventory.smbios?.memoryDevices ?? [];
  const modules = slots.filter((m) => m.installed === true && m.sizeMiB !== null);
  const unknown = slots.filter((m) => m.installed === null || (m.installed && m.sizeMiB === null));
  if (modules.length > 0 && unknown.length === 0) {
    return {
      mib: modules.reduce((sum, m) => sum + (m.sizeMiB ?? 0), 0),
      from: "smbios",
      evidence: modules.map((m) => ({
        source: m.at.file,
        ...(m.at.line !== undefined ? { line: m.at.line } : {}),
        ...(m.at.endLine !== undefined ? { endLine: m.at.endLine } : {}),
        text: `${m.locator ?? "?"}: ${m.raw.size ?? `${m.sizeMiB} MiB`}${m.type === null ? "" : ` ${m.type}`}`,
        note: "SMBIOS type 17 memory device",
      })),
    };
  }
  const meminfo = inventory.memory;
  if (meminfo === null) return null;
  return {
    mib: Math.floor(meminfo.totalKiB / 1024),
    from: "meminfo",
    evidence: [
      {
        source: meminfo.at.file,
        ...(meminfo.at.line !== undefined ? { line: meminfo.at.line } : {}),
        text: `MemTotal: ${meminfo.totalKiB} kB`,
        note:
          unknown.length > 0
            ? `usable memory; ${unknown.length} SMBIOS memory slots have no known size`
            : "usable memory, a little less than installed (no SMBIOS memory devices)",
      },
    ],
  };
}

/**
 * `memory.capacity`: RAM against the guest's needs plus the hypervisor's overhead, from the
 * inventory alone (it works on recorded evidence).
 *
 * @public
 */
export const memoryCapacity: CoreTest = {
  id: "memory.capacity",
  title: "Memory left for the guest after the hypervisor's overhead",
  params: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    additionalProperties: false,
    properties: {
      guestMiB: {
        type: "integer",
        minimum: 1,
        maximum: 16777216,
        description: "Memory the guest needs, in MiB. Default 2048.",
      },
      overheadMiB: {
        type: "integer",
        minimum: 0,
        maximum: 16777216,
        description: "Memory the hypervisor keeps for itself, in MiB. Default 256.",
      },
    },
  },
  measures: { name: "availableForGuestMiB", unit: "MiB" },
  live: false,
  timeoutSec: 10,
  run(context) {
    // A throw inside the executor becomes a rejection, as from an async function.
    return new Promise((resolve) => resolve(judgeMemory(context)));
  },
};

/**
 * The verdict of {@link memoryCapacity} on a context: the measurement, the installed-memory fact
 * and a problem when too little is left for the guest. Throws when the evidence has no memory
 * information.
 *
 * @public
 */
export function judgeMemory(context: CoreTestContext): ActiveTestResult {
  const guestMiB = integerParam(context.params, "guestMiB", 2048);
  const overheadMiB = integerParam(context.params, "overheadMiB", 256);
  const installed = installedMemory(context.inventory);
  // "The evidence cannot tell" is not the product's fault (no fail) and the test does apply
  // (no skip): the harness cannot do its job, so the verdict must be `error`.
  if (installed === null)
    throw new Error(
      `the evidence (${context.inventory.source.location}) lacks memory information: no SMBIOS memory devices (logs/dmidecode) and no MemTotal (/proc/meminfo, logs/meminfo)`,
    );
  const available = installed.mib - overheadMiB;
  const where =
    installed.from === "smbios" ? `${installed.evidence.length} SMBIOS modules` : "MemTotal";
  context.log(`installed ${installed.mib} MiB (${where}); ${available} MiB left for the guest`);
  const problems =
    available < guestMiB
      ? [
          `${available} MiB is left for the guest after the hypervisor's ${overheadMiB} MiB, below the ${guestMiB} MiB it needs (${installed.mib} MiB installed)`,
        ]
      : [];
  return {
    measurements: [{ name: "availableForGuestMiB", value: available, unit: "MiB" }],
    facts: { "memory.installedMiB": { value: installed.mib, evidence: installed.evidence } },
    notes: [
      `${installed.mib} MiB installed (${where}) − ${overheadMiB} MiB hypervisor overhead = ${available} MiB for a guest needing ${guestMiB} MiB`,
    ],
    problems,
  };
}
