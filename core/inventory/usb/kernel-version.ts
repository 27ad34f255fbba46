import type { SourceRef } from "../common.js";
import type { UsbDevice } from "./schema.js";

/** The Linux Foundation's USB vendor ID, which Linux gives its root hubs (drivers/usb/core/hcd.c). */
const LINUX_FOUNDATION = "1d6b";

/**
 * The version (major.minor) of the kernel that was running, read from its USB root hubs: Linux
 * builds each root hub's device descriptor itself and puts the kernel's version in `bcdDevice`
 * (drivers/usb/core/hcd.c: `KERNEL_REL`/`KERNEL_VER`, the major and patch level as BCD through
 * `bin2bcd`), so a 5.13 kernel's hubs say `5.13`, a 4.9 kernel's `4.09`. This dates a recorded
 * probe that has no `uname` (the T410 2522W5D's hwinfo: `Revision: "5.13"`). A minor that is not
 * decimal (`3.0e`) comes from kernels that stored the numbers in binary before `bin2bcd` and is read
 * as binary. `null` when no root hub gives a version, or when they disagree.
 *
 * The full release comes along when the evidence shows the root hub's own manufacturer string,
 * `Linux 3.14.44-nrj-desktop-2rosa-x86_64 ehci_hcd` (hcd.c `rh_string`: system name, release,
 * host controller driver), as older hwinfo versions print it; otherwise `release` is `null`.
 *
 * @public
 */
export function kernelVersionFromRootHubs(
  usb: readonly UsbDevice[],
): { version: string; release: string | null; at: SourceRef } | null {
  let found: { version: string; release: string | null; at: SourceRef } | null = null;
  for (const device of usb) {
    if (!device.isRootHub || device.vendorId !== LINUX_FOUNDATION || device.bcdDevice === null)
      continue;
    const version = versionOf(device.bcdDevice);
    if (version === null) continue;
    if (found !== null && found.version !== version) return null;
    found ??= { version, release: null, at: device.at };
    found.release ??= releaseOf(device.vendorName, version);
  }
  return found;
}

/** `Linux 5.13.4-zen2-1-zen xhci-hcd` → `5.13.4-zen2-1-zen`, when it agrees with `version`. */
function releaseOf(manufacturer: string | null, version: string): string | null {
  const match = /^Linux (\d{1,3}\.\d{1,3}\S*) \S+$/.exec(manufacturer ?? "");
  const release = match?.[1];
  return release !== undefined &&
    (release === version || release.startsWith(`${version}.`) || release.startsWith(`${version}-`))
    ? release
    : null;
}

function versionOf(bcd: string): string | null {
  const match = /^([0-9a-f]{1,2})\.([0-9a-f]{2})$/.exec(bcd);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  const [major, minor] = [match[1], match[2]];
  const decimal = /^\d+$/.test(major) && /^\d+$/.test(minor);
  const radix = decimal ? 10 : 16;
  return `${Number.parseInt(major, radix)}.${Number.parseInt(minor, radix)}`;
}
