import type { Inventory } from "../../../core/inventory/inventory.js";

/**
 * Whether the kernel that produced the evidence is at least `major.minor`; `null` when the
 * evidence does not date it.
 */
export function kernelAtLeast(inventory: Inventory, major: number, minor: number): boolean | null {
  const version = inventory.kernel?.version;
  if (version === undefined) return null;
  const [a, b] = version.split(".").map(Number);
  if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b)) return null;
  return a > major || (a === major && b >= minor);
}
