import type { EvidenceFs } from "../../core/evidence/evidence-fs.js";
import type { EvidenceKind, EvidenceSource } from "../../core/evidence/evidence-source.js";

/**
 * An evidence source held in memory: a sysroot (or none) and hw-probe logs by name (`lspci_all`,
 * `udev-db`…), cited as `logs/<name>` the way a snapshot cites them.
 */
export function testSource(
  sys: EvidenceFs | null = null,
  logs: Readonly<Record<string, string>> = {},
  kind: EvidenceKind = "snapshot",
): EvidenceSource {
  return {
    kind,
    location: "test",
    sys,
    meta: null,
    log: (name) => {
      const text = logs[name];
      return text === undefined ? null : { name: `logs/${name}`, text };
    },
  };
}
