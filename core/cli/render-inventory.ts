import type { Inventory } from "../inventory/schema.js";
import { cite, renderCapabilities, renderPlatform, yesNo as yn } from "./render-capabilities.js";

/** What an unknown section prints as: the evidence cannot tell, which is not "none". */
const UNKNOWN = "unknown (not in this evidence)";

/**
 * The readable summary of `hclkit inventory`: system, kernel, CPU, memory, PCI and USB devices
 * by class, TPM, ME, SMBIOS vPro records, ACPI tables and devices, power, displays, network,
 * storage, and the diagnostics. Unknowns are marked as such.
 */
export function renderInventory(inv: Inventory): string {
  const out: string[] = [];
  const row = (label: string, text: string): void => void out.push(`${label.padEnd(10)} ${text}`);
  const sub = (text: string): void => void out.push(`           ${text}`);

  const { source } = inv;
  const logs = source.logs.length > 0 ? `logs: ${source.logs.join(", ")}` : "no logs";
  row(
    "Evidence",
    `${source.kind} ${source.location} (${logs}; ${source.sysroot ? "sysfs" : "no sysfs"})`,
  );
  const id = inv.smbios?.identity;
  if (id) {
    const sys = id.system;
    row(
      "System",
      [sys?.vendor, sys?.product, sys?.version ? `(${sys.version})` : null]
        .filter(Boolean)
        .join(" ") || UNKNOWN,
    );
    if (id.bios)
      sub(`BIOS ${[id.bios.vendor, id.bios.version, id.bios.date].filter(Boolean).join(" ")}`);
    if (id.chassis) sub(`chassis ${id.chassis.type ?? "unknown"}`);
  } else row("System", UNKNOWN);
  row(
    "Kernel",
    inv.kernel ? `${inv.kernel.release ?? inv.kernel.version} (${cite(inv.kernel.at)})` : UNKNOWN,
  );

  const cpu = inv.cpu;
  if (cpu) {
    const counts = [
      cpu.cores === null ? null : `${cpu.cores} cores`,
      cpu.threads === null ? null : `${cpu.threads} threads`,
    ]
      .filter(Boolean)
      .join(", ");
    row(
      "CPU",
      `${cpu.model?.replace(/\s+/g, " ") ?? cpu.vendor ?? "model unknown"}${counts ? `, ${counts}` : ""}`,
    );
    if (cpu.flags !== null) {
      const has = (f: string): string => `${f} ${cpu.flags?.includes(f) ? "yes" : "no"}`;
      sub(
        `flags: ${["vmx", "smx", "svm", "aes"].map(has).join(", ")} (${cpu.flags.length} flags, ${cite(cpu.at)})`,
      );
    } else sub("flags: unknown");
  } else row("CPU", UNKNOWN);
  row(
    "Memory",
    inv.memory
      ? `${(inv.memory.totalKiB / 1024 / 1024).toFixed(1)} GiB (${cite(inv.memory.at)})`
      : UNKNOWN,
  );

  if (inv.pci === null) row("PCI", UNKNOWN);
  else {
    row("PCI", `${inv.pci.length} functions`);
    for (const f of [...inv.pci].sort(
      (a, b) => a.classId.localeCompare(b.classId) || a.address.localeCompare(b.address),
    )) {
      const driver = f.driver ?? (f.driverKnown ? "no driver" : "driver unknown");
      sub(
        `${f.classId}  ${f.address.replace(/^0000:/, "")}  ${f.vendorId}:${f.deviceId}  ${f.deviceName ?? f.className ?? ""}  [${driver}]`,
      );
    }
  }
  if (inv.usb === null) row("USB", UNKNOWN);
  else {
    row("USB", `${inv.usb.length} devices`);
    for (const d of inv.usb.filter((u) => !u.isRootHub)) {
      sub(
        `${d.vendorId}:${d.productId}  ${[d.vendorName, d.productName].filter(Boolean).join(" ")}${d.drivers?.length ? `  [${d.drivers.join(", ")}]` : ""}`,
      );
    }
  }

  if (inv.tpm === null) row("TPM", UNKNOWN);
  else if (inv.tpm.length === 0) row("TPM", "none bound by the kernel");
  else {
    for (const t of inv.tpm) {
      const vendor = t.manufacturer?.vendor ?? "vendor unknown";
      const flags = [
        `enabled ${yn(t.enabled)}`,
        `active ${yn(t.active)}`,
        `owned ${yn(t.owned)}`,
      ].join(", ");
      row(
        "TPM",
        `${t.name}: TPM ${t.versionMajor === 2 ? "2.0" : (t.tcgVersion ?? (t.versionMajor === null ? "?" : `${t.versionMajor}.x`))} ${vendor}, firmware ${t.firmwareVersion ?? "unknown"}; ${flags}`,
      );
    }
  }
  if (inv.mei === null) row("ME", UNKNOWN);
  else if (inv.mei.length === 0) row("ME", "no MEI interface");
  else
    for (const m of inv.mei)
      row(
        "ME",
        `${m.name} at ${m.pciAddress ?? "?"}: firmware ${m.fwVersions?.join(" / ") ?? "unknown"}`,
      );

  const smbios = inv.smbios;
  if (smbios) {
    row(
      "SMBIOS",
      `${smbios.version ?? "version unknown"}, ${smbios.structures === null ? "structures unknown" : `${smbios.structures.length} structures`}`,
    );
    for (const amt of smbios.intelAmt ?? [])
      sub(
        `type 130 $AMT: supported ${yn(amt.supported)}, enabled ${yn(amt.enabled)} (${cite(amt.at)})`,
      );
    for (const v of smbios.intelVpro ?? [])
      sub(
        `type 131 vPro: CPU capabilities ${v.cpuCapabilities === null ? "unknown" : `0x${v.cpuCapabilities.toString(16)}`}, PCH ${v.pch?.deviceId ?? "?"} (${cite(v.at)})`,
      );
    for (const t of smbios.lenovoTpmInfo ?? [])
      sub(`type 134 TPM INFO: vendor ${t.vendor ?? "?"} (${cite(t.at)})`);
  } else row("SMBIOS", UNKNOWN);

  const acpi = inv.acpi;
  if (acpi) {
    row(
      "ACPI",
      acpi.tables === null
        ? "tables unknown"
        : `tables ${[...new Set(acpi.tables.map((t) => t.signature))].join(" ")}`,
    );
    const notable = (acpi.devices ?? []).filter(
      (d) =>
        /^(PNP0C0[ACDE]|PNP0C31|MSFT0101|ACPI0003|LNX(PWR|SLP)BN)$/.test(d.hid ?? "") ||
        (d.hid === null && d.hidCandidates.length > 1),
    );
    for (const d of notable)
      sub(
        `${d.path}: ${d.hid ?? `one of ${d.hidCandidates.join(", ")}`}${d.cids.length ? ` (compatible ${d.cids.join(", ")})` : ""}`,
      );
    const states = Object.entries(acpi.sleepStates ?? {})
      .filter(([, s]) => s !== null && typeof s === "object" && "supported" in s)
      .map(
        ([name, s]) =>
          `${name === "lowPowerS0Idle" ? "S0 idle" : name.toUpperCase()} ${yn((s as { supported: boolean | null }).supported)}`,
      );
    if (states.length > 0) sub(`sleep states: ${states.join(", ")}`);
  } else row("ACPI", UNKNOWN);

  const power = inv.power;
  if (power) {
    row(
      "Power",
      `sleep: ${power.sleep?.states === null || power.sleep?.states === undefined ? "unknown" : power.sleep.states.join(" ") || "none"}${power.sleep?.memSleep ? `, mem_sleep ${power.sleep.memSleep.current ?? "?"}` : ""}`,
    );
    for (const s of power.supplies ?? [])
      sub(
        `${s.name}: ${s.type ?? "?"}${s.technology ? ` ${s.technology}` : ""}${s.present === null ? "" : `, present ${yn(s.present)}`}`,
      );
    for (const b of power.buttons ?? []) sub(`${b.kind} ${b.name}${b.state ? `: ${b.state}` : ""}`);
  } else row("Power", UNKNOWN);

  const display = inv.display;
  if (display?.connectors) {
    row("Display", `${display.connectors.length} connectors`);
    for (const c of display.connectors)
      sub(`${c.name}: ${c.status}${c.edid?.name ? `, ${c.edid.name}` : ""}`);
  } else
    row(
      "Display",
      display?.monitors?.length ? `${display.monitors.length} monitors in logs/edid` : UNKNOWN,
    );

  if (inv.net === null) row("Network", UNKNOWN);
  else
    row(
      "Network",
      inv.net
        .filter((n) => !n.virtual)
        .map((n) => `${n.name}${n.wireless ? " (wireless)" : ""} [${n.driver ?? "?"}]`)
        .join(", ") || "no physical interfaces",
    );
  if (inv.storage?.blocks === null || inv.storage?.blocks === undefined) row("Storage", UNKNOWN);
  else {
    const disks = inv.storage.blocks.filter((b) => !b.devicePath?.includes("/virtual/"));
    row(
      "Storage",
      disks
        .map(
          (b) =>
            `${b.name}${b.removable ? " (removable)" : ""}${b.ataPort ? ` on ${b.ataPort}` : ""}`,
        )
        .join(", ") || "no disks",
    );
  }

  if (inv.diagnostics.length === 0) row("Problems", "none");
  else {
    row("Problems", `${inv.diagnostics.length} in the evidence (the rest was read)`);
    for (const d of inv.diagnostics.slice(0, 20))
      sub(`${d.file}${d.line === undefined ? "" : `:${d.line}`} ${d.code}: ${d.message}`);
    if (inv.diagnostics.length > 20) sub(`… ${inv.diagnostics.length - 20} more in --json`);
  }
  const summary =
    inv.capabilities === null
      ? ""
      : `\n${renderPlatform(inv.platform)}${renderCapabilities(inv.capabilities)}`;
  return `${out.join("\n")}\n${summary}`;
}
