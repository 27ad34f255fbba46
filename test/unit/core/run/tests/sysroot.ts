import { chmodSync, mkdirSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { emptyInventory, type Inventory } from "../../../../../core/inventory/inventory.js";
import type { Device, DeviceClass } from "../../../../../core/plugin/api.js";
import type { CoreTestContext, Json } from "../../../../../core/run/tests/core-test.js";

/** Writes files under a sysroot: `{ "/proc/net/tcp": "…" }`. Folders are made as needed. */
export function writeTree(
  root: string,
  files: Readonly<Record<string, string | Uint8Array>>,
): void {
  for (const [file, content] of Object.entries(files)) {
    const host = path.join(root, file);
    mkdirSync(path.dirname(host), { recursive: true });
    writeFileSync(host, content);
  }
}

/** Replaces a file at once (write beside, rename), so that a reader polling it never sees it half-written. */
export function replaceFile(root: string, file: string, content: string): void {
  const host = path.join(root, file);
  writeFileSync(`${host}.new`, content);
  renameSync(`${host}.new`, host);
}

/** A symbolic link at `file` to `target` (relative, as sysfs makes them). */
export function link(root: string, file: string, target: string): void {
  const host = path.join(root, file);
  mkdirSync(path.dirname(host), { recursive: true });
  symlinkSync(target, host);
}

/**
 * A sysfs device with its class link, as the kernel lays them out: `devicePath` under
 * /sys/devices and `/sys/<classDir>/<name>` linking to it (relative).
 */
export function sysDevice(
  root: string,
  devicePath: string,
  classLink: string,
  attributes: Readonly<Record<string, string>> = {},
): void {
  mkdirSync(path.join(root, devicePath), { recursive: true });
  writeTree(
    root,
    Object.fromEntries(Object.entries(attributes).map(([k, v]) => [`${devicePath}/${k}`, v])),
  );
  link(root, classLink, path.relative(path.dirname(classLink), devicePath));
}

/** A fake tool: a Node script named `name` in `bin`, run through this Node. */
export function fakeTool(bin: string, name: string, script: string): void {
  const file = path.join(bin, name);
  mkdirSync(bin, { recursive: true });
  writeFileSync(file, `#!${process.execPath}\n${script}\n`);
  chmodSync(file, 0o755);
}

/** A device as a driver would report it. */
export function device(
  cls: DeviceClass,
  id: string,
  bus: string,
  ids: { vendorId?: string; deviceId?: string; name?: string; iface?: string } = {},
): Device {
  return {
    id,
    class: cls,
    bus,
    vendorId: ids.vendorId ?? null,
    deviceId: ids.deviceId ?? null,
    subsystemVendorId: null,
    subsystemDeviceId: null,
    driver: null,
    name: ids.name ?? null,
    facts: ids.iface === undefined ? {} : { interface: { value: ids.iface, evidence: [] } },
    evidence: [],
  };
}

/** A test context over `root`, with its log lines collected in `lines`. */
export function testContext(
  root: string,
  options: {
    params?: Record<string, Json>;
    devices?: readonly Device[];
    inventory?: Inventory;
    signal?: AbortSignal;
    tpm?: string | null;
  } = {},
): CoreTestContext & { readonly lines: string[] } {
  const lines: string[] = [];
  return {
    params: options.params ?? {},
    root,
    tpm: options.tpm ?? null,
    inventory: options.inventory ?? emptyInventory("test"),
    devices: options.devices ?? [],
    signal: options.signal ?? new AbortController().signal,
    log: (line: string) => lines.push(line),
    lines,
  };
}

/** Awaits `promise` and checks it rejects with a message matching `message`. */
export async function expectRejection(promise: Promise<unknown>, message: RegExp): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect((error as Error).message).to.match(message);
    return error as Error;
  }
  return expect.fail(`expected a rejection matching ${String(message)}`);
}
