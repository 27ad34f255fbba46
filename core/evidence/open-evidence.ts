import { closeSync, openSync, readSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { HclError } from "../errors/hcl-error.js";
import type { Diagnostic } from "../inventory/common.js";
import { decodeText } from "../inventory/text.js";
import { DirectoryFs, MAX_EVIDENCE_FILE_BYTES } from "./evidence-fs.js";
import type { EvidenceSource } from "./evidence-source.js";
import { LOG_NAMES } from "./log-names.js";
import { sniffDump } from "./sniff.js";
import { LiveSource, SingleFileSource, SnapshotSource } from "./snapshot-source.js";

/** Where to read evidence from. @public */
export interface EvidenceRequest {
  /** A snapshot folder, a snapshot archive (`.tar.gz`), or a single dump file; the live machine when absent. */
  readonly from?: string | undefined;
  /** Root of the live machine's filesystem (`--root`), `/` when absent. */
  readonly root?: string | undefined;
  /** Resolves relative paths. */
  readonly cwd: string;
}

/** An opened evidence source and the diagnostics its reading produces. @public */
export interface OpenedEvidence {
  readonly source: EvidenceSource;
  /** Filled while the source is read (unreadable, oversized, binary files). */
  readonly diagnostics: Diagnostic[];
}

/**
 * Opens the evidence of a run: the live machine under `root`, or what `from` names — a snapshot
 * folder, a `.tar.gz` of one (recognised by its gzip or tar header, not its name), or one dump
 * file recognised by its content.
 *
 * @throws HclError `HCL_E_EVIDENCE_NOT_FOUND`, `HCL_E_EVIDENCE_UNRECOGNISED`, or the archive errors
 *   of {@link readSnapshotArchive}.
 * @public
 */
export async function openEvidence(request: EvidenceRequest): Promise<OpenedEvidence> {
  const diagnostics: Diagnostic[] = [];
  if (request.from === undefined) {
    const root = path.resolve(request.cwd, request.root ?? "/");
    if (!isDirectory(root))
      throw notFound(
        request.root ?? "/",
        "--root",
        "a folder holding sys/ and proc/ (the live machine's root is /)",
      );
    return { source: new LiveSource(root, new DirectoryFs(root, diagnostics)), diagnostics };
  }
  const location = path.resolve(request.cwd, request.from);
  let stats;
  try {
    stats = statSync(location);
  } catch {
    throw notFound(request.from, "--from", "a snapshot folder, a snapshot .tar.gz, or a dump file");
  }
  if (stats.isDirectory()) {
    const fs = new DirectoryFs(location, diagnostics);
    if (!looksLikeSnapshot(fs)) throw emptySnapshot(request.from, location, fs);
    return { source: new SnapshotSource(fs, location, diagnostics), diagnostics };
  }
  if (!stats.isFile()) {
    throw new HclError(
      "HCL_E_EVIDENCE_UNRECOGNISED",
      `${request.from} is neither a folder nor a regular file`,
      {
        hint: "Give a snapshot folder, a snapshot .tar.gz, or a dump file (not a pipe or a device).",
        details: { file: location },
      },
    );
  }
  if (isArchive(location)) {
    // The tar library loads only when there is an archive to read.
    const { readSnapshotArchive } = await import("./read-archive.js");
    return {
      source: new SnapshotSource(await readSnapshotArchive(location), location, diagnostics),
      diagnostics,
    };
  }
  return { source: await openDumpFile(location, stats.size), diagnostics };
}

async function openDumpFile(location: string, size: number): Promise<EvidenceSource> {
  if (size > MAX_EVIDENCE_FILE_BYTES) {
    throw new HclError(
      "HCL_E_EVIDENCE_TOO_LARGE",
      `${location} has ${size} bytes, more than the ${MAX_EVIDENCE_FILE_BYTES} hclkit reads`,
      {
        details: { file: location, size },
      },
    );
  }
  const decoded = decodeText(await readFile(location), location);
  const kind = "text" in decoded ? sniffDump(decoded.text) : null;
  if (!("text" in decoded) || kind === null) {
    throw new HclError(
      "HCL_E_EVIDENCE_UNRECOGNISED",
      `${location} is not a dump hclkit recognises`,
      {
        hint: "Give dmidecode text, `lspci -vvnn`, `udevadm info --export-db`, decoded ACPI tables (acpidump + iasl -d), hwinfo or /proc/cpuinfo output; or a snapshot folder or .tar.gz.",
        details: {
          file: location,
          expected:
            "dmidecode | lspci -vvnn | udevadm info --export-db | decoded ACPI | hwinfo | cpuinfo",
        },
      },
    );
  }
  return new SingleFileSource(location, kind, decoded.text);
}

/** A snapshot folder holds logs (under logs/ or at its top), sysfs/, or meta.json. */
function looksLikeSnapshot(fs: DirectoryFs): boolean {
  if (fs.exists("/sysfs") || fs.exists("/meta.json")) return true;
  const logs = fs.list("/logs") ?? fs.list("/") ?? [];
  return logs.some((name) => (LOG_NAMES as readonly string[]).includes(name));
}

function emptySnapshot(given: string, location: string, fs: DirectoryFs): HclError {
  const inside = (fs.list("/") ?? []).filter(
    (name) => new DirectoryFs(path.join(location, name)).list("/logs") !== null,
  );
  return new HclError(
    "HCL_E_EVIDENCE_NOT_FOUND",
    `--from ${given}: the folder holds no snapshot (no logs/, no hw-probe log, no sysfs/, no meta.json)`,
    {
      hint:
        inside.length > 0
          ? `It holds snapshots: give one of them, e.g. --from ${path.join(given, inside[0] as string)}.`
          : "Give a snapshot folder (logs/dmidecode, logs/lspci_all, …), a .tar.gz of one, or a dump file.",
      details: { path: location, snapshots: inside },
    },
  );
}

/** gzip magic (1f 8b), or a ustar header at offset 257. */
function isArchive(file: string): boolean {
  const head = Buffer.alloc(262);
  const fd = openSync(file, "r");
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    if (read >= 2 && head[0] === 0x1f && head[1] === 0x8b) return true;
    return read >= 262 && head.toString("latin1", 257, 262) === "ustar";
  } finally {
    closeSync(fd);
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function notFound(given: string, option: string, expected: string): HclError {
  return new HclError("HCL_E_EVIDENCE_NOT_FOUND", `${option} ${given}: nothing there`, {
    hint: `Give ${expected}.`,
    details: { path: given, expected },
  });
}
