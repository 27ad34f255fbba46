import {
  lstatSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  statSync,
  type Stats,
} from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../inventory/common.js";

/**
 * Read-only access to a tree of evidence files by absolute POSIX path (`/sys/class/tpm/tpm0/caps`,
 * `/logs/lspci_all`): the live machine under a root, a snapshot folder, or an archive held in
 * memory. Every method answers `null` when the path is absent, so "not in the evidence" stays
 * *unknown*; a file that exists but cannot be read also answers `null` and leaves a diagnostic.
 * Synchronous on purpose: sysfs reads are tiny and numerous.
 *
 * @public
 */
export interface EvidenceFs {
  /** Bytes of a regular file (symbolic links followed); `null` when absent or unreadable. */
  readBytes(file: string): Uint8Array | null;
  /** The file as UTF-8 text; `null` when absent or unreadable. */
  readText(file: string): string | null;
  /** Names in a directory, sorted; `null` when it is absent or not a directory. */
  list(dir: string): string[] | null;
  /** The target of a symbolic link as stored; `null` when absent or not a link. */
  readLink(file: string): string | null;
  /** True when something exists at the path. */
  exists(file: string): boolean;
}

/** Largest file an {@link EvidenceFs} reads: 64 MiB (decoded ACPI dumps reach ~5 MB). @public */
export const MAX_EVIDENCE_FILE_BYTES = 64 * 1024 * 1024;

/**
 * An {@link EvidenceFs} over a real directory: `/` for the live machine (`--root DIR` for another
 * root), or a snapshot folder. Paths never leave the root: `..` segments are resolved against it.
 *
 * @public
 */
export class DirectoryFs implements EvidenceFs {
  constructor(
    /** Absolute directory that `/` maps to. */
    readonly root: string,
    /** Where unreadable and oversized files are reported. */
    private readonly diagnostics: Diagnostic[] = [],
    private readonly maxBytes: number = MAX_EVIDENCE_FILE_BYTES,
  ) {}

  /** Host path of an evidence path. */
  hostPath(file: string): string {
    return path.join(this.root, path.posix.resolve("/", file));
  }

  readBytes(file: string): Uint8Array | null {
    const host = this.hostPath(file);
    try {
      const kind = this.confined(host, file);
      if (kind === null) return null;
      if (!kind.isFile()) {
        // A FIFO or a device would block or never end: only regular files are evidence.
        if (!kind.isDirectory()) this.unreadable(file, "not a regular file");
        return null;
      }
      const data = readFileSync(host);
      if (data.byteLength > this.maxBytes) {
        this.diagnostics.push({
          code: "HCL_E_EVIDENCE_TOO_LARGE",
          file,
          message: `${file} has ${data.byteLength} bytes, more than the ${this.maxBytes} hclkit reads; skipped`,
        });
        return null;
      }
      return data;
    } catch (error) {
      return this.failed(file, error);
    }
  }

  readText(file: string): string | null {
    const bytes = this.readBytes(file);
    return bytes === null
      ? null
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  }

  list(dir: string): string[] | null {
    try {
      if (this.confined(this.hostPath(dir), dir) === null) return null;
      return readdirSync(this.hostPath(dir)).sort();
    } catch (error) {
      return this.failed(dir, error);
    }
  }

  readLink(file: string): string | null {
    try {
      return readlinkSync(this.hostPath(file));
    } catch {
      return null;
    }
  }

  exists(file: string): boolean {
    try {
      lstatSync(this.hostPath(file));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The stats of a path whose real location stays inside the root; `null` (with a diagnostic)
   * when a link leads out of it — a snapshot folder must not read the host's own files.
   */
  private confined(host: string, file: string): Stats | null {
    const root = (this.realRoot ??= realpathSync(this.root));
    // Under the machine's own root nothing can lead out: skip resolving every path.
    if (root === "/") return statSync(host);
    const real = realpathSync(host);
    if (real !== root && !real.startsWith(`${root}/`)) {
      this.unreadable(file, `links out of ${this.root} (to ${real}); not read`);
      return null;
    }
    return statSync(real);
  }

  private realRoot: string | undefined;

  private unreadable(file: string, why: string): void {
    this.diagnostics.push({ code: "HCL_E_EVIDENCE_UNREADABLE", file, message: `${file}: ${why}` });
  }

  private failed(file: string, error: unknown): null {
    const code = (error as { code?: unknown }).code;
    // Absent, or not the kind of entry asked for: unknown, not an error of the evidence.
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR" || code === "EINVAL")
      return null;
    this.diagnostics.push({
      code: "HCL_E_EVIDENCE_UNREADABLE",
      file,
      message: `${file} cannot be read: ${typeof code === "string" ? code : (error as Error).message}`,
    });
    return null;
  }
}
