import type { Evidence } from "../../../core/plugin/api.js";
import type { Inventory } from "../../../core/inventory/inventory.js";
import type { AcpiDevice, AcpiTable } from "../../../core/inventory/acpi/schema.js";
import { cite } from "../facts/evidence.js";

/** The first ACPI table with this signature (`DMAR`, `TCPA`), or `undefined`. */
export function acpiTable(inventory: Inventory, signature: string): AcpiTable | undefined {
  return inventory.acpi?.tables?.find((t) => t.signature === signature);
}

/** Evidence for an ACPI table that is there. */
export function tableEvidence(table: AcpiTable, note?: string): Evidence {
  return cite(
    table.at,
    `ACPI table ${table.signature} (OEM ${table.oemId ?? "?"} ${table.oemTableId ?? "?"})`,
    note,
  );
}

/**
 * Whether a table missing from the evidence is missing from the machine: only when the whole
 * table list was read (`acpi.tableList.complete`); a cut dump proves nothing.
 */
export function tableListComplete(inventory: Inventory): boolean {
  return (
    inventory.acpi?.tables !== null &&
    inventory.acpi?.tables !== undefined &&
    inventory.acpi.tableList?.complete === true
  );
}

/** Evidence for the table list: which signatures it holds. */
export function tableListEvidence(inventory: Inventory, note?: string): Evidence {
  const signatures = [...new Set((inventory.acpi?.tables ?? []).map((t) => t.signature))].sort();
  const at = inventory.acpi?.tableList?.at ?? inventory.acpi?.tables?.[0]?.at;
  const text = `ACPI tables: ${signatures.join(" ")}`;
  return at === undefined
    ? { source: "inventory", text, ...(note ? { note } : {}) }
    : cite(at, text, note);
}

/** Whether the whole namespace (DSDT and SSDTs) was read, so that a device not found is not there. */
export function namespaceComplete(inventory: Inventory): boolean {
  return (
    inventory.acpi?.devices !== null &&
    inventory.acpi?.devices !== undefined &&
    inventory.acpi.namespace?.complete === true
  );
}

/** Evidence for the namespace as a whole (for "no such device"). */
export function namespaceEvidence(inventory: Inventory, note?: string): Evidence {
  const at = inventory.acpi?.namespace?.at;
  const text = `ACPI namespace: ${inventory.acpi?.devices?.length ?? 0} devices`;
  return at === undefined
    ? { source: "inventory", text, ...(note ? { note } : {}) }
    : cite(at, text, note);
}

/** Every id a device can present: fixed `_HID`, each `_HID` a method can return, `_CID`s. */
export function acpiIds(device: AcpiDevice): string[] {
  return [
    ...new Set([
      ...(device.hid === null ? [] : [device.hid]),
      ...device.hidCandidates,
      ...device.cids,
    ]),
  ];
}

/** A namespace device carrying one of the ids looked for, cited at the line that declares it. */
export interface AcpiMatch {
  readonly device: AcpiDevice;
  /** The ids of the device that are among those looked for. */
  readonly ids: readonly string[];
  readonly evidence: Evidence;
}

/** The namespace devices that carry any of `ids` (as `_HID`, a `_HID` candidate or a `_CID`). */
export function devicesWithIds(inventory: Inventory, ids: ReadonlySet<string>): AcpiMatch[] {
  const found: AcpiMatch[] = [];
  for (const device of inventory.acpi?.devices ?? []) {
    const matching = acpiIds(device).filter((id) => ids.has(id));
    if (matching.length === 0) continue;
    const source = device.idSources.find((s) => ids.has(s.id));
    const how =
      device.hid !== null
        ? `_HID ${device.hid}`
        : `_HID one of ${device.hidCandidates.join(", ") || "?"}`;
    const text = `${device.path}: ${how}${device.cids.length > 0 ? `, _CID ${device.cids.join(", ")}` : ""}`;
    found.push({ device, ids: matching, evidence: cite(source?.at ?? device.at, text) });
  }
  return found;
}
