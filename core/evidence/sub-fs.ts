import path from "node:path";
import type { EvidenceFs } from "./evidence-fs.js";

/**
 * The part of an {@link EvidenceFs} under `prefix`, seen as its own root: a snapshot's `sysfs/`
 * folder replayed as `/`, so that `/sys/class/tpm` reads `sysfs/sys/class/tpm`.
 *
 * @public
 */
export class SubFs implements EvidenceFs {
  constructor(
    private readonly inner: EvidenceFs,
    private readonly prefix: string,
  ) {}

  private at(file: string): string {
    return path.posix.join(this.prefix, path.posix.resolve("/", file));
  }

  readBytes(file: string): Uint8Array | null {
    return this.inner.readBytes(this.at(file));
  }

  readText(file: string): string | null {
    return this.inner.readText(this.at(file));
  }

  list(dir: string): string[] | null {
    return this.inner.list(this.at(dir));
  }

  readLink(file: string): string | null {
    return this.inner.readLink(this.at(file));
  }

  exists(file: string): boolean {
    return this.inner.exists(this.at(file));
  }
}
