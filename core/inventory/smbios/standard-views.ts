import { chassisTypeCode } from "./dsp0134-names.js";
import { listField, numberField, sizeMiB, textField } from "./field-values.js";
import type {
  SmbiosMemoryDevice,
  SmbiosPortConnector,
  SmbiosBattery,
  SmbiosProcessor,
  SmbiosStructure,
  SmbiosTpmDevice,
  SystemIdentity,
} from "./schema.js";

/**
 * Views of the standard structures that drivers use, read from `fields` (dmidecode's keys, which
 * the binary decoder produces too). Each view keeps the structure's handle and `at`.
 */

function first(structures: readonly SmbiosStructure[], type: number): SmbiosStructure | undefined {
  return structures.find((s) => s.type === type);
}

/**
 * The identity of the machine from the first structure of types 1, 0, 2 and 3; a part is
 * `null` when its structure is absent.
 *
 * @public
 */
export function identityOf(structures: readonly SmbiosStructure[]): SystemIdentity {
  const system = first(structures, 1);
  const bios = first(structures, 0);
  const board = first(structures, 2);
  const chassis = first(structures, 3);
  const chassisType = chassis === undefined ? null : textField(chassis, "Type");
  return {
    system:
      system === undefined
        ? null
        : {
            vendor: textField(system, "Manufacturer"),
            product: textField(system, "Product Name"),
            version: textField(system, "Version"),
            sku: textField(system, "SKU Number"),
            family: textField(system, "Family"),
            at: system.at,
          },
    bios:
      bios === undefined
        ? null
        : {
            vendor: textField(bios, "Vendor"),
            version: textField(bios, "Version"),
            date: textField(bios, "Release Date"),
            at: bios.at,
          },
    baseboard:
      board === undefined
        ? null
        : {
            vendor: textField(board, "Manufacturer"),
            product: textField(board, "Product Name"),
            version: textField(board, "Version"),
            at: board.at,
          },
    chassis:
      chassis === undefined
        ? null
        : {
            type: chassisType,
            typeCode: chassisType === null ? null : chassisTypeCode(chassisType),
            at: chassis.at,
          },
  };
}

/** Processor sockets (type 4). @public */
export function processorsOf(structures: readonly SmbiosStructure[]): SmbiosProcessor[] {
  return structures
    .filter((s) => s.type === 4)
    .map((s) => ({
      handle: s.handle,
      socket: textField(s, "Socket Designation"),
      manufacturer: textField(s, "Manufacturer"),
      version: textField(s, "Version"),
      maxSpeedMHz: numberField(s, "Max Speed", "MHz"),
      cores: numberField(s, "Core Count"),
      coresEnabled: numberField(s, "Core Enabled"),
      threads: numberField(s, "Thread Count"),
      characteristics: listField(s, "Characteristics"),
      at: s.at,
    }));
}

/**
 * Memory slots (type 17). dmidecode 3.3+ prints speeds as `MT/s`, older versions as `MHz`; both
 * are the same number (SMBIOS 3.1.1 renamed the unit, DSP0134 §7.18.4).
 *
 * @public
 */
export function memoryDevicesOf(structures: readonly SmbiosStructure[]): SmbiosMemoryDevice[] {
  return structures
    .filter((s) => s.type === 17)
    .map((s) => {
      const size = textField(s, "Size");
      const speed = textField(s, "Speed");
      const mib = sizeMiB(size);
      return {
        handle: s.handle,
        locator: textField(s, "Locator"),
        bankLocator: textField(s, "Bank Locator"),
        installed: size === "No Module Installed" ? false : mib === null ? null : true,
        sizeMiB: mib,
        type: textField(s, "Type"),
        speedMTs: numberField(s, "Speed", "MT/s") ?? numberField(s, "Speed", "MHz"),
        manufacturer: textField(s, "Manufacturer"),
        partNumber: textField(s, "Part Number"),
        raw: { size, speed },
        at: s.at,
      };
    });
}

/** Port connectors (type 8). @public */
export function portConnectorsOf(structures: readonly SmbiosStructure[]): SmbiosPortConnector[] {
  return structures
    .filter((s) => s.type === 8)
    .map((s) => ({
      handle: s.handle,
      internalDesignator: textField(s, "Internal Reference Designator"),
      internalType: textField(s, "Internal Connector Type"),
      externalDesignator: textField(s, "External Reference Designator"),
      externalType: textField(s, "External Connector Type"),
      portType: textField(s, "Port Type"),
      at: s.at,
    }));
}

/** Portable batteries (type 22). @public */
export function batteriesOf(structures: readonly SmbiosStructure[]): SmbiosBattery[] {
  return structures
    .filter((s) => s.type === 22)
    .map((s) => ({
      handle: s.handle,
      location: textField(s, "Location"),
      manufacturer: textField(s, "Manufacturer"),
      name: textField(s, "Name"),
      chemistry: textField(s, "SBDS Chemistry") ?? textField(s, "Chemistry"),
      designCapacityMWh: numberField(s, "Design Capacity", "mWh"),
      designVoltageMV: numberField(s, "Design Voltage", "mV"),
      raw: {
        designCapacity: textField(s, "Design Capacity"),
        designVoltage: textField(s, "Design Voltage"),
      },
      at: s.at,
    }));
}

/** TPM devices (type 43). @public */
export function tpmDevicesOf(structures: readonly SmbiosStructure[]): SmbiosTpmDevice[] {
  return structures
    .filter((s) => s.type === 43)
    .map((s) => ({
      handle: s.handle,
      vendorId: textField(s, "Vendor ID"),
      specVersion: textField(s, "Specification Version"),
      firmwareRevision: textField(s, "Firmware Revision"),
      description: textField(s, "Description"),
      at: s.at,
    }));
}
