import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { DirectoryFs } from "../../core/evidence/evidence-fs.js";
import type { EvidenceSource } from "../../core/evidence/evidence-source.js";
import { SnapshotSource } from "../../core/evidence/snapshot-source.js";
import { REPO } from "./paths.js";

/** The recorded linux-hardware.org laptops (CC-BY-4.0): one folder per machine, hw-probe's `logs/`. */
export const CORPUS = path.join(REPO, "test/fixtures/linuxhw");

/** Every machine of the corpus, by folder name, sorted. */
export const MACHINES: readonly string[] = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** What a machine's `labels.json` says: the machine's name and the evidence quoted per label. */
export interface CorpusLabels {
  readonly machine: string;
  readonly evidence: Record<string, string>;
}

const logs = new Map<string, string | null>();

/** The text of a machine's `logs/<name>`; `null` when the machine has no such log. */
export function corpusLog(machine: string, name: string): string | null {
  const file = path.join(CORPUS, machine, "logs", name);
  let text = logs.get(file);
  if (text === undefined) {
    text = existsSync(file) ? readFileSync(file, "utf8") : null;
    logs.set(file, text);
  }
  return text;
}

/** The text of a machine's `logs/<name>`, for a test that needs the log to be there. */
export function corpusText(machine: string, name: string): string {
  const text = corpusLog(machine, name);
  if (text === null) throw new Error(`${machine} has no logs/${name}`);
  return text;
}

/** A machine's `labels.json`. */
export function corpusLabels(machine: string): CorpusLabels {
  return JSON.parse(
    readFileSync(path.join(CORPUS, machine, "labels.json"), "utf8"),
  ) as CorpusLabels;
}

/** A machine as hclkit reads it: a snapshot over its folder (logs only: no `sysfs/`). */
export function corpusSource(machine: string): EvidenceSource {
  return new SnapshotSource(new DirectoryFs(path.join(CORPUS, machine)), machine, []);
}
