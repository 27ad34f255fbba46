import type { Driver, Evidence, Fact } from "../../../core/plugin/api.js";
import type { Inventory } from "../../../core/inventory/inventory.js";
import { cite } from "../facts/evidence.js";
import { platformDevice } from "../facts/device.js";
import { known, unknown, type Facts } from "../facts/fact.js";
import { devicesWithIds, namespaceComplete, namespaceEvidence } from "../read/acpi.js";
import { isVirtualBattery } from "../read/firmware-templates.js";

/** Options of {@link powerDriver}. */
export interface PowerDriverOptions {
  readonly id?: string;
  readonly title?: string;
}

// ACPI ids of include/acpi/acpi_drivers.h, drivers/acpi/button.c, battery.c.
const LID = new Set(["PNP0C0D"]);
const POWER_BUTTON = new Set(["PNP0C0C"]);
const SLEEP_BUTTON = new Set(["PNP0C0E"]);
const BATTERY = new Set(["PNP0C0A"]);

/**
 * The power driver: lid switch (ACPI `PNP0C0D`, or a lid under /proc/acpi/button), S3 (the
 * kernel's `/sys/power/mem_sleep` offering `deep`, else an `\_S3` package in the namespace),
 * battery (a system battery in /sys/class/power_supply, an ACPI `PNP0C0A`, or a real SMBIOS type 22
 * record), and how the power and sleep buttons are wired: a FADT fixed-feature button becomes
 * Linux's `LNXPWRBN`/`LNXSLPBN`, not a `PNP0C0C`/`PNP0C0E` device (linux-hw-facts §1.8).
 */
export function powerDriver(options: PowerDriverOptions = {}): Driver {
  return {
    id: options.id ?? "power",
    class: "power",
    title: options.title ?? "Lid, S3, battery and buttons from ACPI, sysfs and SMBIOS",
    probe: ({ inventory }) => {
      if (inventory.acpi === null && inventory.power === null && inventory.smbios === null)
        return null;
      const facts: Facts = {
        lid: lid(inventory),
        s3: s3(inventory),
        battery: battery(inventory),
        powerButton: button(inventory, "power", POWER_BUTTON, "LNXPWRBN"),
        sleepButton: button(inventory, "sleep", SLEEP_BUTTON, "LNXSLPBN"),
      };
      return [platformDevice("power", "Power, lid and sleep", facts)];
    },
  };
}

function lid(inventory: Inventory): Fact {
  const acpi = devicesWithIds(inventory, LID);
  if (acpi.length > 0) return known(true, ...acpi.map((d) => d.evidence));
  const listed = inventory.power?.buttons?.filter((b) => b.kind === "lid") ?? [];
  if (listed.length > 0)
    return known(
      true,
      ...listed.map((b) => cite(b.at, `lid ${b.name}${b.state ? `: ${b.state}` : ""}`)),
    );
  if (namespaceComplete(inventory))
    return known(
      false,
      namespaceEvidence(inventory, "no PNP0C0D lid device in the whole namespace"),
    );
  return unknown("no ACPI namespace and no /proc/acpi/button in the evidence");
}

function s3(inventory: Inventory): Fact {
  const memSleep = inventory.power?.sleep?.memSleep;
  if (memSleep !== null && memSleep !== undefined) {
    const at = cite(
      memSleep.at,
      `mem_sleep: ${memSleep.options.map((o) => (o === memSleep.current ? `[${o}]` : o)).join(" ")}`,
    );
    return known(memSleep.options.includes("deep"), {
      ...at,
      note: "`deep` is S3 (Documentation/admin-guide/pm/sleep-states.rst)",
    });
  }
  const state = inventory.acpi?.sleepStates?.s3;
  if (state?.supported === true && state.at !== null) {
    const note = state.conditional
      ? "declared inside If (…): the firmware may drop it at load time"
      : "declared in the namespace";
    return known(true, cite(state.at, "\\_S3 package", note));
  }
  if (state?.supported === false)
    return known(false, namespaceEvidence(inventory, "no \\_S3 package in the whole namespace"));
  return unknown("neither /sys/power/mem_sleep nor a whole ACPI namespace is in the evidence");
}

function battery(inventory: Inventory): Fact {
  const supplies = inventory.power?.supplies;
  const system = supplies?.filter((s) => s.type === "Battery" && s.scope !== "Device") ?? [];
  if (system.length > 0)
    return known(
      true,
      ...system.map((s) =>
        cite(s.at, `${s.name}: type Battery${s.present === false ? ", not present" : ""}`),
      ),
    );
  const acpi = devicesWithIds(inventory, BATTERY);
  if (acpi.length > 0) return known(true, ...acpi.map((d) => d.evidence));
  const real = (inventory.smbios?.batteries ?? []).filter(
    (b) => !isVirtualBattery(b.manufacturer, b.name) && (b.designCapacityMWh ?? 0) > 0,
  );
  if (real.length > 0) {
    return known(
      true,
      ...real.map((b) =>
        cite(
          b.at,
          `SMBIOS 22: ${b.manufacturer ?? "?"} ${b.name ?? "?"}, ${b.designCapacityMWh ?? "?"} mWh, ${b.chemistry ?? "?"}`,
        ),
      ),
    );
  }
  const evidence: Evidence[] = [];
  if (supplies !== null && supplies !== undefined)
    evidence.push({
      source: "/sys/class/power_supply",
      note: "no system battery among the power supplies",
    });
  if (namespaceComplete(inventory))
    evidence.push(namespaceEvidence(inventory, "no PNP0C0A battery in the whole namespace"));
  if (evidence.length > 0) return known(false, ...evidence);
  return unknown(
    "no power supplies, no ACPI namespace, and no real SMBIOS battery record in the evidence",
  );
}

function button(
  inventory: Inventory,
  kind: "power" | "sleep",
  ids: ReadonlySet<string>,
  fixedId: string,
): Fact {
  const found: string[] = [];
  const evidence: Evidence[] = [];
  const fixed = inventory.acpi?.fixedFeatureButtons;
  if (fixed?.[kind] === true) {
    found.push(fixedId);
    evidence.push(
      cite(
        fixed.at,
        `FADT: ${kind} button is a fixed feature`,
        `Linux creates ${fixedId} (drivers/acpi/button.c)`,
      ),
    );
  }
  for (const d of devicesWithIds(inventory, ids)) {
    found.push(...d.ids);
    evidence.push(d.evidence);
  }
  if (found.length > 0) return known([...new Set(found)], ...evidence);
  if (fixed !== null && fixed !== undefined && namespaceComplete(inventory))
    return known([], cite(fixed.at, "FADT"), namespaceEvidence(inventory));
  return unknown(`no FADT flags or namespace to tell how the ${kind} button is wired`);
}
