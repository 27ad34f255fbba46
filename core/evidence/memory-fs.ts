import path from "node:path";
import type { EvidenceFs } from "./evidence-fs.js";

/** One entry of a {@link MemoryFs}: file bytes or text, or a symbolic link. @public */
export type MemoryEntry = string | Uint8Array | { readonly link: string };

/** The kernel's limit on symbolic links followed while resolving one path. */
const MAX_LINKS = 40;

/**
 * An {@link EvidenceFs} held in memory: the members of a snapshot archive, a capture being
 * recorded, or a small sysfs tree written out in a test. Symbolic links are resolved the way the
 * kernel resolves them, in every component of a path (sysfs is made of links:
 * `/sys/bus/pci/devices/0000:00:1f.0` → `../../../devices/pci0000:00/0000:00:1f.0`). Folders are
 * implied by the paths of their entries; `dirs` adds empty ones (an empty `/sys/class/tpm` says
 * "no TPM device", its absence says "unknown").
 *
 * @public
 */
export class MemoryFs implements EvidenceFs {
  private readonly files = new Map<string, Uint8Array>();
  private readonly links = new Map<string, string>();
  private readonly children = new Map<string, Set<string>>([["/", new Set()]]);

  constructor(entries: Readonly<Record<string, MemoryEntry>> = {}, dirs: readonly string[] = []) {
    for (const [file, entry] of Object.entries(entries)) this.set(file, entry);
    for (const dir of dirs) this.addDir(dir);
  }

  /** Adds or replaces a file or link at a literal path (no link in it is followed). */
  set(file: string, entry: MemoryEntry): void {
    const at = normalize(file);
    if (typeof entry === "object" && !(entry instanceof Uint8Array)) {
      this.links.set(at, entry.link);
      this.files.delete(at);
    } else {
      this.files.set(at, typeof entry === "string" ? new TextEncoder().encode(entry) : entry);
      this.links.delete(at);
    }
    this.addDir(path.posix.dirname(at), path.posix.basename(at));
  }

  /** Adds a folder at a literal path, and optionally a name in it. */
  addDir(dir: string, child?: string): void {
    const at = normalize(dir);
    if (!this.children.has(at)) {
      this.children.set(at, new Set());
      if (at !== "/") this.addDir(path.posix.dirname(at), path.posix.basename(at));
    }
    if (child !== undefined) this.children.get(at)?.add(child);
  }

  /** Every entry, for writing the tree out: files, links and folders at their literal paths. */
  entries(): {
    files: ReadonlyMap<string, Uint8Array>;
    links: ReadonlyMap<string, string>;
    dirs: readonly string[];
  } {
    return { files: this.files, links: this.links, dirs: [...this.children.keys()] };
  }

  readBytes(file: string): Uint8Array | null {
    const at = this.resolve(file, true);
    return at === null ? null : (this.files.get(at) ?? null);
  }

  readText(file: string): string | null {
    const bytes = this.readBytes(file);
    return bytes === null ? null : new TextDecoder().decode(bytes);
  }

  list(dir: string): string[] | null {
    const at = this.resolve(dir, true);
    const set = at === null ? undefined : this.children.get(at);
    return set === undefined ? null : [...set].sort();
  }

  readLink(file: string): string | null {
    const at = this.resolve(file, false);
    return at === null ? null : (this.links.get(at) ?? null);
  }

  exists(file: string): boolean {
    const at = this.resolve(file, false);
    return at !== null && (this.files.has(at) || this.links.has(at) || this.children.has(at));
  }

  /**
   * The literal path that `file` names, following links in every component (and in the last one
   * when `followLast`); `null` when a link loops or leaves nothing to follow.
   */
  private resolve(file: string, followLast: boolean): string | null {
    let parts = normalize(file)
      .split("/")
      .filter((p) => p !== "");
    let current = "/";
    let followed = 0;
    for (let i = 0; i < parts.length; i++) {
      const next = path.posix.join(current, parts[i] as string);
      const target = this.links.get(next);
      if (target === undefined || (i === parts.length - 1 && !followLast)) {
        current = next;
        continue;
      }
      if (++followed > MAX_LINKS) return null;
      // Restart from the root with the link replaced by its target.
      parts = [
        ...path.posix
          .resolve(current, target)
          .split("/")
          .filter((p) => p !== ""),
        ...parts.slice(i + 1),
      ];
      current = "/";
      i = -1;
    }
    return current;
  }
}

function normalize(file: string): string {
  return path.posix.resolve("/", file);
}
