import type { Device, DeviceClass, FactValue } from "../plugin/api.js";
import type { Capabilities, DeviceRef } from "./schema.js";

/**
 * What the evidence says about each class: the devices its drivers found, or `null` when no
 * driver could tell (none ran, all answered "cannot tell", or all failed).
 *
 * @public
 */
export type ClassDevices = ReadonlyMap<DeviceClass, readonly Device[] | null>;

/**
 * The capability summary of DESIGN.md from the devices of each class, reading the fact names of
 * {@link CLASS_FACTS}. Pure: the same devices give the same summary.
 *
 * @public
 */
export function summarizeCapabilities(classes: ClassDevices): Capabilities {
  const one = (c: DeviceClass): Device | null | undefined => {
    const devices = classes.get(c);
    return devices === null || devices === undefined ? undefined : (devices[0] ?? null);
  };
  const tpmDevices = classes.get("tpm");
  const tpm = tpmDevices?.find((d) => fact(d, "present") === true) ?? tpmDevices?.[0];
  const usb = classes.get("usb");
  const display = classes.get("display");
  return {
    tpm:
      tpmDevices === undefined || tpmDevices === null
        ? { present: null, version: null, vendor: null, enabled: null, active: null, owned: null }
        : tpm === undefined
          ? {
              present: false,
              version: null,
              vendor: null,
              enabled: null,
              active: null,
              owned: null,
            }
          : {
              present: bool(tpm, "present"),
              version: oneOf(tpm, "version", ["1.2", "2.0"] as const),
              vendor: text(tpm, "vendor"),
              enabled: bool(tpm, "enabled"),
              active: bool(tpm, "active"),
              owned: bool(tpm, "owned"),
            },
    txt: { capable: bool(one("txt"), "capable"), enabled: bool(one("txt"), "enabled") },
    vpro: {
      amtCapable: bool(one("vpro"), "amtCapable"),
      amtEnabled: bool(one("vpro"), "amtEnabled"),
      meFirmware: text(one("vpro"), "meFirmware"),
    },
    esata: { ports: count(one("esata"), "ports") },
    cardReaders: refs(classes.get("card-reader")),
    wifi: refs(classes.get("wifi")),
    vtx: {
      capable: bool(one("virtualization"), "vtxCapable"),
      enabled: bool(one("virtualization"), "vtxEnabled"),
    },
    vtd: bool(one("virtualization"), "vtd"),
    aesni: bool(one("crypto"), "aesni"),
    lid: bool(one("power"), "lid"),
    s3: bool(one("power"), "s3"),
    battery: bool(one("power"), "battery"),
    display: {
      outputs:
        display === undefined || display === null
          ? null
          : display.map((d) => ({ kind: text(d, "kind"), connected: bool(d, "connected") })),
    },
    usb: {
      controllers:
        usb === undefined || usb === null
          ? null
          : usb.map((d) => ({
              kind: oneOf(d, "kind", ["uhci", "ohci", "ehci", "xhci"] as const),
              id: d.id,
              vendorId: d.vendorId,
              deviceId: d.deviceId,
            })),
    },
    memory: { totalMiB: count(one("memory"), "totalMiB") },
    cpu: {
      vendor: text(one("cpu"), "vendor"),
      model: text(one("cpu"), "model"),
      cores: count(one("cpu"), "cores"),
      threads: count(one("cpu"), "threads"),
    },
  };
}

function fact(device: Device | null | undefined, name: string): FactValue | undefined {
  return device?.facts[name]?.value;
}

function bool(device: Device | null | undefined, name: string): boolean | null {
  const value = fact(device, name);
  return typeof value === "boolean" ? value : null;
}

function text(device: Device | null | undefined, name: string): string | null {
  const value = fact(device, name);
  return typeof value === "string" ? value : null;
}

function count(device: Device | null | undefined, name: string): number | null {
  const value = fact(device, name);
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
}

function oneOf<const T extends string>(
  device: Device | null | undefined,
  name: string,
  allowed: readonly T[],
): T | null {
  const value = fact(device, name);
  return typeof value === "string" && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : null;
}

function refs(devices: readonly Device[] | null | undefined): DeviceRef[] | null {
  if (devices === null || devices === undefined) return null;
  return devices.map(({ id, bus, vendorId, deviceId, driver, name }) => ({
    id,
    bus,
    vendorId,
    deviceId,
    driver,
    name,
  }));
}
