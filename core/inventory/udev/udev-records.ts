import type { EvidenceSource } from "../../evidence/evidence-source.js";
import type { Parsed } from "../common.js";
import { parseUdevDb } from "./parse-udev-db.js";
import type { UdevRecord } from "./schema.js";

const parsed = new WeakMap<EvidenceSource, Parsed<UdevRecord[]>>();

/**
 * The records of the source's `logs/udev-db` (hw-probe runs `udevadm info --export-db`), parsed
 * once per source and shared by the collectors that fall back on it (network, storage); `null`
 * when the source has no such log. The diagnostics of the parse come with every answer: a caller
 * merging several collectors' diagnostics should drop repeats.
 *
 * @public
 */
export function udevRecords(source: EvidenceSource): Parsed<UdevRecord[]> {
  const cached = parsed.get(source);
  if (cached !== undefined) return cached;
  const log = source.log("udev-db");
  const result: Parsed<UdevRecord[]> =
    log === null ? { value: null, diagnostics: [] } : parseUdevDb(log.text, log.name);
  parsed.set(source, result);
  return result;
}
