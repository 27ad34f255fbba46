import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { HclError } from "../errors/hcl-error.js";

/**
 * Writes a file so that a crash, a kill or a power loss leaves either the old content or the
 * new, never a mix (DESIGN.md, "Sessions"): a temporary file beside it, written and fsynced,
 * renamed over the target, then the folder fsynced so that the rename itself is on disk.
 *
 * @throws HclError `HCL_E_SESSION_WRITE`.
 * @public
 */
export function writeDurable(file: string, data: string | Uint8Array, mode = 0o644): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, "w", mode);
    try {
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      let offset = 0;
      while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    syncDir(path.dirname(file));
  } catch (error) {
    rmSync(temp, { force: true });
    throw new HclError("HCL_E_SESSION_WRITE", `cannot write ${file}: ${(error as Error).message}`, {
      hint: "Check that the disk is not full and the folder is writable.",
      cause: error,
      details: { file },
    });
  }
}

/** `writeDurable` of a value as two-space JSON with a final newline. @public */
export function writeJsonDurable(file: string, value: unknown): void {
  writeDurable(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Removes a file and fsyncs its folder, so that the removal survives a crash. @public */
export function removeDurable(file: string): void {
  rmSync(file, { force: true });
  syncDir(path.dirname(file));
}

/** fsyncs a folder: makes the names created, renamed or removed in it durable. @public */
export function syncDir(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
