import path from "node:path";
import type { EvidenceFs } from "./evidence-fs.js";

/**
 * Adds to folder listings the names a capture saw but did not copy (meta.json `listedOnly`), so
 * that a replayed snapshot lists what the live machine listed. Reading such a name still answers
 * `null`: its content was never captured.
 *
 * @public
 */
export class ListingOverlayFs implements EvidenceFs {
  constructor(
    private readonly inner: EvidenceFs,
    private readonly listedOnly: Readonly<Record<string, readonly string[]>>,
  ) {}

  list(dir: string): string[] | null {
    const names = this.inner.list(dir);
    const extra = this.listedOnly[path.posix.resolve("/", dir)];
    if (extra === undefined) return names;
    return [...new Set([...(names ?? []), ...extra])].sort();
  }

  readBytes(file: string): Uint8Array | null {
    return this.inner.readBytes(file);
  }

  readText(file: string): string | null {
    return this.inner.readText(file);
  }

  readLink(file: string): string | null {
    return this.inner.readLink(file);
  }

  exists(file: string): boolean {
    return this.inner.exists(file);
  }
}
