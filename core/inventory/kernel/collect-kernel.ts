import type { EvidenceSource } from "../../evidence/evidence-source.js";
import type { Parsed } from "../common.js";
import { splitLines } from "../text.js";
import type { Kernel } from "./schema.js";
import { majorMinor } from "./version.js";

/** `Linux version 5.4.0-91-generic (buildd@…)` — the kernel's first log line (init/version.c). */
const DMESG_VERSION = /Linux version (\S+)/;

/**
 * The kernel of the evidence: `/proc/sys/kernel/osrelease` in the sysroot, the snapshot's
 * `meta.json`, or the `Linux version` line of `logs/dmesg`. (Recorded probes without those are
 * dated by their USB root hubs, which the inventory builder reads from the USB section.)
 *
 * @public
 */
export function collectKernel(source: EvidenceSource): Parsed<Kernel> {
  const osrelease = source.sys?.readText("/proc/sys/kernel/osrelease")?.trim();
  if (osrelease) return found(osrelease, { file: "/proc/sys/kernel/osrelease" });
  if (source.meta?.kernel) return found(source.meta.kernel, { file: "meta.json" });
  const dmesg = source.log("dmesg");
  if (dmesg !== null) {
    const lines = splitLines(dmesg.text);
    // The version line is the first line of a complete log; a truncated ring buffer lacks it.
    for (let i = 0; i < Math.min(lines.length, 50); i++) {
      const match = DMESG_VERSION.exec(lines[i] ?? "");
      if (match?.[1] !== undefined) return found(match[1], { file: dmesg.name, line: i + 1 });
    }
  }
  return { value: null, diagnostics: [] };
}

function found(release: string, at: Kernel["at"]): Parsed<Kernel> {
  const version = majorMinor(release);
  return { value: version === null ? null : { release, version, at }, diagnostics: [] };
}
