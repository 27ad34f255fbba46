import path from "node:path";
import type { EvidenceFs } from "../../evidence/evidence-fs.js";
import type { Diagnostic } from "../common.js";
import { decodeText } from "../text.js";

/** The kernel's limit on symbolic links followed while resolving one path (fs/namei.c MAXSYMLINKS). */
const MAX_LINKS = 40;

/**
 * Reads sysfs attributes the way the collectors need them — trimmed values, `0`/`1` flags,
 * integers, link targets, device paths with every link resolved — and records what it could not
 * read as diagnostics. An absent attribute answers `null` without a diagnostic (unknown); one that
 * exists but holds something else than the kernel writes answers `null` with one.
 *
 * Shared by the collectors that read sysfs. The device paths it resolves are udev's device paths
 * too (`DEVPATH`), so sysfs and the udev database name devices the same way.
 *
 * @public
 */
export class SysfsReader {
  constructor(
    readonly fs: EvidenceFs,
    /** Where malformed and binary attributes are reported. */
    readonly diagnostics: Diagnostic[],
  ) {}

  /** The attribute as text (`null` when absent, or binary: reported). */
  text(file: string): string | null {
    const bytes = this.fs.readBytes(file);
    if (bytes === null) return null;
    const decoded = decodeText(bytes, file);
    if ("text" in decoded) return decoded.text;
    this.diagnostics.push(decoded.diagnostic);
    return null;
  }

  /** The attribute without surrounding white space (sysfs values end with a newline). */
  value(file: string): string | null {
    return this.text(file)?.trim() ?? null;
  }

  /** A `0`/`1` attribute (`removable`, `enabled`, `owned`…). */
  flag(file: string): boolean | null {
    const value = this.value(file);
    if (value === null) return null;
    if (value === "1") return true;
    if (value === "0") return false;
    this.malformed(file, value, "0 or 1");
    return null;
  }

  /** A decimal integer attribute (`size`, `port_no`, `tpm_version_major`). */
  integer(file: string): number | null {
    const value = this.value(file);
    if (value === null) return null;
    const n = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isSafeInteger(n)) return n;
    this.malformed(file, value, "a decimal integer");
    return null;
  }

  /** Names in a folder, sorted; `null` when it is absent. */
  list(dir: string): string[] | null {
    return this.fs.list(dir);
  }

  /** The last component of a link's target: the driver of `…/device/driver`, the phy of `phy80211`. */
  linkName(file: string): string | null {
    const target = this.fs.readLink(file);
    if (target === null) return null;
    const name = path.posix.basename(target);
    return name === "" || name === "." || name === ".." ? null : name;
  }

  /**
   * The path `file` names with every symbolic link resolved, as the kernel resolves it
   * (`/sys/class/net/eth0/device` → `/sys/devices/pci0000:00/0000:00:19.0`); `null` when links
   * loop. The result need not exist.
   */
  realPath(file: string): string | null {
    let parts = splitPath(file);
    let current = "/";
    let followed = 0;
    for (let i = 0; i < parts.length; i++) {
      const next = path.posix.join(current, parts[i] as string);
      const target = this.fs.readLink(next);
      if (target === null) {
        current = next;
        continue;
      }
      if (++followed > MAX_LINKS) return null;
      parts = [...splitPath(path.posix.resolve(current, target)), ...parts.slice(i + 1)];
      current = "/";
      i = -1;
    }
    return current;
  }

  private malformed(file: string, value: string, expected: string): void {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    this.diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      message: `${file} holds ${JSON.stringify(shown)}, not ${expected}; ignored`,
      expected,
    });
  }
}

function splitPath(file: string): string[] {
  return path.posix
    .resolve("/", file)
    .split("/")
    .filter((p) => p !== "");
}
