import { lstatSync, readlinkSync } from "node:fs";
import path from "node:path";
import type { DirectoryFs, EvidenceFs } from "./evidence-fs.js";
import { MemoryFs } from "./memory-fs.js";

/** The kernel's limit on symbolic links followed while resolving one path. */
const MAX_LINKS = 40;

/**
 * An {@link EvidenceFs} that reads the live machine and records every answer it gives — the
 * bytes of each file read, each folder listed, each link on the way — at the paths the kernel
 * resolves them to, links kept as links. Replaying the recording answers the collectors exactly
 * as the live machine did, so a capture read back gives the same inventory as the live run.
 *
 * @public
 */
export class RecordingFs implements EvidenceFs {
  /** What was read, as a tree with its links. */
  readonly recorded = new MemoryFs();
  /** Paths that exist but could not be read (reported again when the capture is replayed). */
  readonly unreadable = new Set<string>();
  /** Each folder listed, by the path asked for: the literal folder and the names it held. */
  readonly listings = new Map<
    string,
    { readonly real: string; readonly names: readonly string[] }
  >();

  constructor(private readonly live: DirectoryFs) {}

  readBytes(file: string): Uint8Array | null {
    const bytes = this.live.readBytes(file);
    const real = this.walk(file, true);
    if (bytes !== null && real !== null) this.recorded.set(real, bytes);
    else if (bytes === null && this.live.exists(file)) this.unreadable.add(file);
    return bytes;
  }

  readText(file: string): string | null {
    const bytes = this.readBytes(file);
    return bytes === null ? null : new TextDecoder().decode(bytes);
  }

  list(dir: string): string[] | null {
    const names = this.live.list(dir);
    const real = names === null ? null : this.walk(dir, true);
    if (names !== null && real !== null) {
      this.recorded.addDir(real);
      this.listings.set(path.posix.resolve("/", dir), { real, names });
      for (const name of names) this.recordEntry(path.posix.join(real, name));
    }
    return names;
  }

  readLink(file: string): string | null {
    const target = this.live.readLink(file);
    if (target !== null) this.walk(file, false);
    return target;
  }

  exists(file: string): boolean {
    const real = this.walk(file, false);
    if (real === null) return false;
    this.recordEntry(real);
    return true;
  }

  /**
   * Resolves `file` component by component on the live machine, recording each link met, and
   * returns the literal path it names (its last component followed when `followLast`).
   */
  private walk(file: string, followLast: boolean): string | null {
    let parts = path.posix
      .resolve("/", file)
      .split("/")
      .filter((p) => p !== "");
    let current = "/";
    let followed = 0;
    for (let i = 0; i < parts.length; i++) {
      const next = path.posix.join(current, parts[i] as string);
      let isLink: boolean;
      try {
        isLink = lstatSync(this.live.hostPath(next)).isSymbolicLink();
      } catch {
        return null;
      }
      if (!isLink || (i === parts.length - 1 && !followLast)) {
        if (isLink) this.recordLink(next);
        current = next;
        continue;
      }
      if (++followed > MAX_LINKS) return null;
      const target = this.recordLink(next);
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

  private recordLink(at: string): string {
    const target = readlinkSync(this.live.hostPath(at));
    this.recorded.set(at, { link: target });
    return target;
  }

  /** Records an entry seen in a listing or tested for: a folder or link as such, a file by name. */
  private recordEntry(at: string): void {
    if (this.recorded.exists(at)) return;
    try {
      const stats = lstatSync(this.live.hostPath(at));
      if (stats.isSymbolicLink()) this.recordLink(at);
      else if (stats.isDirectory()) this.recorded.addDir(at);
      else this.recorded.addDir(path.posix.dirname(at), path.posix.basename(at));
    } catch {
      // Gone since it was listed: the listing still shows it.
      this.recorded.addDir(path.posix.dirname(at), path.posix.basename(at));
    }
  }
}
