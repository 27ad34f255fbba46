import type { EvidenceFs } from "./evidence-fs.js";

/** What kind of evidence an inventory was read from. @public */
export type EvidenceKind = "live" | "snapshot" | "file";

/** A text log with the name it is cited by (`logs/lspci_all`). @public */
export interface EvidenceLog {
  /** The name evidence cites: `logs/<name>` in a snapshot, the file's path for a single dump. */
  readonly name: string;
  readonly text: string;
}

/** `meta.json` of a snapshot: what captured it, when. @public */
export interface SnapshotMeta {
  readonly capturedAt: string | null;
  readonly capturedBy: string | null;
  readonly kernel: string | null;
  readonly hostname: string | null;
}

/**
 * Where an inventory's evidence comes from: hw-probe logs by name, and a sysroot (the live
 * machine's `/`, or a snapshot's `sysfs/` replayed at the same paths). Either may be missing:
 * a single dump file has one log and no sysroot; a live machine has a sysroot and no logs.
 *
 * @public
 */
export interface EvidenceSource {
  readonly kind: EvidenceKind;
  /** The path given: a root folder, a snapshot folder or archive, a dump file. */
  readonly location: string;
  /** The text of hw-probe log `name` (`lspci_all`, `dmidecode`…); `null` when the source has none. */
  log(name: string): EvidenceLog | null;
  /** The sysroot to read `/sys`, `/proc` files from; `null` when the source has none. */
  readonly sys: EvidenceFs | null;
  /** The snapshot's `meta.json`, when there is one. */
  readonly meta: SnapshotMeta | null;
}
