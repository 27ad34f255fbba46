import {
  mkdirSync,
  mkdtempSync,
  openSync,
  fsyncSync,
  closeSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  renameSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { create } from "tar";
import { HclError } from "../errors/hcl-error.js";
import { DirectoryFs } from "./evidence-fs.js";
import type { EvidenceSource } from "./evidence-source.js";
import { RecordingFs } from "./recording-fs.js";
import { runTool, type ToolRun } from "./run-tool.js";
import { LiveSource } from "./snapshot-source.js";

/** The tools whose output a capture adds as hw-probe logs, when they are installed. @public */
export const CAPTURE_TOOLS: readonly { log: string; argv: readonly [string, ...string[]] }[] = [
  { log: "dmidecode", argv: ["dmidecode"] },
  { log: "lspci_all", argv: ["lspci", "-vvnn"] },
  { log: "lsusb", argv: ["lsusb"] },
  { log: "udev-db", argv: ["udevadm", "info", "--export-db"] },
];

/** Options of {@link captureSnapshot}. @public */
export interface CaptureOptions {
  /** Root of the live machine, `/` by default. */
  readonly root: string;
  /** The `.tar.gz` to write. */
  readonly out: string;
  /** Runs the collectors on the live source, so that what they read is recorded. */
  readonly read: (source: EvidenceSource) => void;
  /** Version of hclkit, for meta.json. */
  readonly hclkitVersion: string;
  /** Time bound of each tool. */
  readonly toolTimeoutMs?: number;
  /** Run the tools of {@link CAPTURE_TOOLS}; true by default. */
  readonly tools?: boolean;
}

/** What a capture wrote. @public */
export interface CaptureResult {
  readonly file: string;
  readonly sysfsFiles: number;
  readonly tools: readonly ToolRun[];
}

/**
 * Captures the live machine as a snapshot `.tar.gz` in hw-probe's layout: every sysfs/procfs
 * file the collectors read (at its path under `sysfs/`, links kept), the logs of the tools of
 * {@link CAPTURE_TOOLS} that are installed, and `meta.json`. Written atomically: staged in a
 * temporary folder beside the output, archived to a temporary file, fsynced, renamed over the
 * target, the folder fsynced; a failure leaves nothing behind.
 *
 * @throws HclError `HCL_E_CAPTURE_WRITE`.
 * @public
 */
export async function captureSnapshot(options: CaptureOptions): Promise<CaptureResult> {
  const recording = new RecordingFs(new DirectoryFs(options.root));
  options.read(new LiveSource(options.root, recording));
  // The tools read the machine they run on: for another root (an image, a mounted disk) their
  // output would describe the host, not the snapshot, so they are not run.
  const isHost = path.resolve(options.root) === "/";
  const tools =
    options.tools === false || !isHost
      ? []
      : await Promise.all(
          CAPTURE_TOOLS.map((t) => runTool(t.argv, options.toolTimeoutMs ?? 60_000)),
        );

  const out = path.resolve(options.out);
  const dir = path.dirname(out);
  let staging: string | undefined;
  const partial = path.join(dir, `.${path.basename(out)}.${process.pid}.partial`);
  try {
    staging = mkdtempSync(path.join(dir, ".hclkit-capture-"));
    const { files, links, dirs } = recording.recorded.entries();
    const sysfs = path.join(staging, "sysfs");
    mkdirSync(sysfs);
    for (const d of dirs) mkdirSync(path.join(sysfs, d), { recursive: true });
    for (const [at, bytes] of files) writeFileSync(path.join(sysfs, at), bytes);
    for (const [at, target] of links) symlinkSync(target, path.join(sysfs, at));
    const listedOnly = namesWithoutEntries(recording, files, links, dirs);

    mkdirSync(path.join(staging, "logs"));
    CAPTURE_TOOLS.forEach((tool, i) => {
      const run = tools[i];
      if (run?.status === "ok")
        writeFileSync(path.join(staging as string, "logs", tool.log), run.stdout);
    });
    const meta = {
      capturedAt: new Date().toISOString(),
      capturedBy: `hclkit ${options.hclkitVersion}`,
      hostname: isHost ? os.hostname() : null,
      kernel: isHost
        ? os.release()
        : (recording.readText("/proc/sys/kernel/osrelease")?.trim() ?? null),
      root: options.root,
      tools: tools.map(({ command, status, exitCode, error }) => ({
        command,
        status,
        exitCode,
        error,
      })),
      unreadable: [...recording.unreadable].sort(),
      listedOnly,
    };
    writeFileSync(path.join(staging, "meta.json"), `${JSON.stringify(meta, null, 2)}\n`);

    await create({ gzip: true, cwd: staging, file: partial, portable: true }, [
      "meta.json",
      "logs",
      "sysfs",
    ]);
    fsyncFile(partial);
    renameSync(partial, out);
    fsyncFile(dir);
    return { file: out, sysfsFiles: files.size, tools };
  } catch (error) {
    rmSync(partial, { force: true });
    throw new HclError(
      "HCL_E_CAPTURE_WRITE",
      `cannot write the snapshot ${out}: ${(error as Error).message}`,
      {
        hint: "Check that the folder exists, is writable and has room.",
        cause: error,
        details: { file: out },
      },
    );
  } finally {
    if (staging !== undefined) rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Names seen in listings that have no entry in the capture (files listed but never read): a tar
 * cannot hold a name without content, so meta.json keeps them, by the folder path the collector
 * asked for, and the replay lists them again.
 */
function namesWithoutEntries(
  recording: RecordingFs,
  files: ReadonlyMap<string, Uint8Array>,
  links: ReadonlyMap<string, string>,
  dirs: readonly string[],
): Record<string, string[]> {
  const entries = new Set([...files.keys(), ...links.keys(), ...dirs]);
  const listed: Record<string, string[]> = {};
  for (const [asked, { real, names }] of recording.listings) {
    const missing = names.filter((name) => !entries.has(path.posix.join(real, name)));
    if (missing.length > 0) listed[asked] = [...missing];
  }
  return listed;
}

function fsyncFile(file: string): void {
  const fd = openSync(file, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
