import path from "node:path";
import { emptyInventory, type Inventory } from "../../../core/inventory/inventory.js";
import { readInventory } from "../../../core/inventory/read-inventory.js";
import { StreamLogger } from "../../../core/log/logger.js";
import type { Device, Driver, Evidence, FactValue } from "../../../core/plugin/api.js";
import { REPO } from "../../helpers/paths.js";

/** The recorded laptops (CC-BY-4.0, linux-hardware.org). */
const CORPUS = path.join(REPO, "test/fixtures/linuxhw");
const cache = new Map<string, Promise<Inventory>>();

/** A corpus machine's inventory, read once per test run. */
export function machine(name: string): Promise<Inventory> {
  let inventory = cache.get(name);
  if (inventory === undefined) {
    inventory = readInventory({ from: path.join(CORPUS, name), cwd: REPO });
    cache.set(name, inventory);
  }
  return inventory;
}

/** An inventory about which nothing is known, with the sections given. */
export function inventoryWith(sections: Partial<Inventory>): Inventory {
  return { ...emptyInventory("test"), ...sections };
}

/** Runs a driver's probe as the host would, with a silent logger. */
export async function probe(
  driver: Driver,
  inventory: Inventory,
): Promise<readonly Device[] | null> {
  const log = new StreamLogger({ write: () => undefined });
  return driver.probe({ inventory, signal: new AbortController().signal, log });
}

/** The devices a probe found, failing the test when it could not tell. */
export async function devices(driver: Driver, inventory: Inventory): Promise<readonly Device[]> {
  const found = await probe(driver, inventory);
  if (found === null) throw new Error(`${driver.id} answered "cannot tell"`);
  return found;
}

/** The one device a platform driver (txt, vpro, esata…) returns. */
export async function only(driver: Driver, inventory: Inventory): Promise<Device> {
  const found = await devices(driver, inventory);
  if (found.length !== 1 || found[0] === undefined)
    throw new Error(`${driver.id} found ${found.length} devices`);
  return found[0];
}

/** A fact's value on a device. */
export function value(device: Device, fact: string): FactValue | undefined {
  return device.facts[fact]?.value;
}

/** A fact's evidence as one line per item (`source:line text — note`), for `contain` checks. */
export function evidenceOf(device: Device, fact: string): string {
  return (device.facts[fact]?.evidence ?? []).map(describe).join("\n");
}

function describe(e: Evidence): string {
  return `${e.source}:${e.line ?? ""} ${e.text ?? ""} — ${e.note ?? ""}`;
}

/** A copy of an inventory's PCI list with one function's id changed (for "another chipset"). */
export function withPciId(inventory: Inventory, from: string, to: string): Inventory {
  const [vendor, device] = to.split(":") as [string, string];
  return {
    ...inventory,
    pci: (inventory.pci ?? []).map((fn) =>
      `${fn.vendorId}:${fn.deviceId}` === from ? { ...fn, vendorId: vendor, deviceId: device } : fn,
    ),
  };
}
