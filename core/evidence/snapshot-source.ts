import type { Diagnostic } from "../inventory/common.js";
import { decodeText } from "../inventory/text.js";
import type { EvidenceFs } from "./evidence-fs.js";
import type { EvidenceLog, EvidenceSource, SnapshotMeta } from "./evidence-source.js";
import { ListingOverlayFs } from "./listing-overlay-fs.js";
import { SubFs } from "./sub-fs.js";

/**
 * A snapshot in hw-probe's layout, read through an {@link EvidenceFs} (a folder or an archive in
 * memory): logs under `logs/` (or at the top, for a bare folder of logs), `sysfs/` replayed as
 * the sysroot, `meta.json`. Each log is decoded once, on first use; a binary or unreadable log
 * is reported and treated as absent.
 *
 * @public
 */
export class SnapshotSource implements EvidenceSource {
  readonly kind = "snapshot" as const;
  readonly sys: EvidenceFs | null;
  readonly meta: SnapshotMeta | null;
  private readonly logsDir: string;
  private readonly logs = new Map<string, EvidenceLog | null>();

  constructor(
    private readonly fs: EvidenceFs,
    readonly location: string,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.logsDir = fs.list("/logs") === null ? "/" : "/logs";
    const meta = readMeta(fs, diagnostics);
    this.meta = meta?.meta ?? null;
    const sysfs = fs.list("/sysfs") === null ? null : new SubFs(fs, "/sysfs");
    this.sys =
      sysfs === null || meta === null ? sysfs : new ListingOverlayFs(sysfs, meta.listedOnly);
    for (const file of meta?.unreadable ?? []) {
      diagnostics.push({
        code: "HCL_E_EVIDENCE_UNREADABLE",
        file,
        message: `${file} could not be read when the snapshot was captured`,
      });
    }
  }

  log(name: string): EvidenceLog | null {
    if (this.logs.has(name)) return this.logs.get(name) ?? null;
    const cited = this.logsDir === "/" ? name : `logs/${name}`;
    const bytes = this.fs.readBytes(`${this.logsDir}/${name}`);
    let log: EvidenceLog | null = null;
    if (bytes !== null) {
      const decoded = decodeText(bytes, cited);
      if ("text" in decoded) log = { name: cited, text: decoded.text };
      else this.diagnostics.push(decoded.diagnostic);
    }
    this.logs.set(name, log);
    return log;
  }
}

interface MetaFile {
  readonly meta: SnapshotMeta;
  readonly unreadable: readonly string[];
  readonly listedOnly: Readonly<Record<string, readonly string[]>>;
}

function readMeta(fs: EvidenceFs, diagnostics: Diagnostic[]): MetaFile | null {
  const text = fs.readText("/meta.json");
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file: "meta.json",
      message: `meta.json is not valid JSON (${(error as Error).message}); ignored`,
      expected: "a JSON object",
    });
    return null;
  }
  const record = typeof json === "object" && json !== null ? (json as Record<string, unknown>) : {};
  const text_ = (key: string): string | null =>
    typeof record[key] === "string" ? record[key] : null;
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  const listed =
    typeof record["listedOnly"] === "object" && record["listedOnly"] !== null
      ? (record["listedOnly"] as Record<string, unknown>)
      : {};
  return {
    meta: {
      capturedAt: text_("capturedAt"),
      capturedBy: text_("capturedBy"),
      kernel: text_("kernel"),
      hostname: text_("hostname"),
    },
    unreadable: strings(record["unreadable"]),
    listedOnly: Object.fromEntries(
      Object.entries(listed).map(([dir, names]) => [dir, strings(names)]),
    ),
  };
}

/** A single dump file recognised by its content, seen as a snapshot holding that one log. @public */
export class SingleFileSource implements EvidenceSource {
  readonly kind = "file" as const;
  readonly sys = null;
  readonly meta = null;

  constructor(
    readonly location: string,
    private readonly logName: string,
    private readonly text: string,
  ) {}

  log(name: string): EvidenceLog | null {
    return name === this.logName ? { name: this.location, text: this.text } : null;
  }
}

/** The live machine: its sysroot, no logs. @public */
export class LiveSource implements EvidenceSource {
  readonly kind = "live" as const;
  readonly meta = null;

  constructor(
    readonly location: string,
    readonly sys: EvidenceFs,
  ) {}

  log(): EvidenceLog | null {
    return null;
  }
}
