import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Parser, type ReadEntry } from "tar";
import { HclError } from "../errors/hcl-error.js";
import { MAX_EVIDENCE_FILE_BYTES } from "./evidence-fs.js";
import { MemoryFs } from "./memory-fs.js";

/** Limits on what a snapshot archive may hold. @public */
export interface ArchiveLimits {
  /** Largest member, in bytes. */
  readonly maxMemberBytes: number;
  /** Largest sum of member sizes, in bytes. */
  readonly maxTotalBytes: number;
  /** Most members. */
  readonly maxMembers: number;
}

/** Default limits: 64 MiB a member, 512 MiB in all, 200 000 members. @public */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxMemberBytes: MAX_EVIDENCE_FILE_BYTES,
  maxTotalBytes: 512 * 1024 * 1024,
  maxMembers: 200_000,
};

/**
 * Reads a snapshot `.tar.gz` (or plain `.tar`) into memory through node-tar, refusing what could
 * escape or exhaust: absolute member paths, `..` segments, symbolic or hard links whose target
 * leaves the snapshot, device files, and members or totals over the limits. Nothing is written
 * to disk. A single leading folder shared by every member (`probe-123/logs/…`) is stripped, so
 * that an archive of a snapshot folder reads as the folder itself.
 *
 * @throws HclError `HCL_E_SNAPSHOT_UNSAFE`, `HCL_E_SNAPSHOT_TOO_LARGE` or `HCL_E_SNAPSHOT_CORRUPT`,
 *   naming the archive and the member.
 * @public
 */
export async function readSnapshotArchive(
  file: string,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): Promise<MemoryFs> {
  const members: { path: string; kind: "file" | "dir" | "link"; data?: Buffer; link?: string }[] =
    [];
  let total = 0;
  /** What each member path already read is: a folder written under a link would escape. */
  const kinds = new Map<string, Member["kind"]>();
  let refusal: HclError | undefined;
  const refuse = (error: HclError): void => {
    refusal ??= error;
    // Stop reading at once: a decompression bomb must not be inflated to the end.
    parser.abort(error);
  };
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      if (refusal !== undefined) return entry.resume();
      const member = checkMember(file, entry, limits);
      const placed =
        member instanceof HclError ? member : checkPlacement(file, entry, member, kinds);
      if (placed instanceof HclError) {
        refuse(placed);
        return entry.resume();
      }
      kinds.set(placed.path, placed.kind);
      if (members.length >= limits.maxMembers) {
        refuse(tooLarge(file, `more than ${limits.maxMembers} members`));
        return entry.resume();
      }
      total += entry.size;
      if (total > limits.maxTotalBytes) {
        refuse(tooLarge(file, `more than ${limits.maxTotalBytes} bytes in all`));
        return entry.resume();
      }
      if (placed.kind !== "file") {
        members.push(placed);
        return entry.resume();
      }
      const chunks: Buffer[] = [];
      entry.on("data", (chunk: Buffer) => chunks.push(chunk));
      entry.on("end", () => members.push({ ...placed, data: Buffer.concat(chunks) }));
    },
  });
  try {
    // Inflate here, counting: a decompression bomb is stopped at the archive limit instead of
    // being inflated to its end (node-tar would go on past the end-of-archive marker).
    const limit = byteLimit(limits.maxTotalBytes + tarOverhead(limits), () =>
      tooLarge(file, `more than ${limits.maxTotalBytes} bytes once decompressed`),
    );
    if (isGzip(file)) await pipeline(createReadStream(file), createGunzip(), limit, parser);
    else await pipeline(createReadStream(file), limit, parser);
  } catch (error) {
    if (refusal !== undefined) throw refusal;
    if (error instanceof HclError) throw error;
    throw new HclError(
      "HCL_E_SNAPSHOT_CORRUPT",
      `${file} is not a readable snapshot archive: ${(error as Error).message}`,
      {
        hint: "Give a .tar.gz written by `hclkit capture` or hw-probe, or the snapshot folder itself.",
        cause: error,
        details: { file },
      },
    );
  }
  if (refusal !== undefined) throw refusal;
  return toMemoryFs(members);
}

type Member = { path: string; kind: "file" | "dir" | "link"; link?: string };

function checkMember(file: string, entry: ReadEntry, limits: ArchiveLimits): Member | HclError {
  const raw = entry.path;
  if (raw.startsWith("/") || /^[A-Za-z]:/.test(raw))
    return unsafe(file, raw, "has an absolute path");
  const parts = raw.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.includes("..")) return unsafe(file, raw, "has a .. segment");
  const at = `/${parts.join("/")}`;
  if (entry.size > limits.maxMemberBytes)
    return tooLarge(
      file,
      `member ${raw} has ${entry.size} bytes (at most ${limits.maxMemberBytes})`,
    );
  switch (entry.type) {
    case "File":
    case "OldFile":
    case "ContiguousFile":
      return { path: at, kind: "file" };
    case "Directory":
      return { path: at, kind: "dir" };
    case "SymbolicLink":
    case "Link": {
      const target = entry.linkpath ?? "";
      // Hard-link targets are archive paths; symbolic ones are relative to the link's folder.
      const base = entry.type === "Link" ? "/" : path.posix.dirname(at);
      if (target.startsWith("/") || climbsOut(base, target))
        return unsafe(file, raw, `links to ${target}, outside the snapshot`);
      const link =
        entry.type === "Link"
          ? path.posix.relative(path.posix.dirname(at), path.posix.resolve("/", target))
          : target;
      return { path: at, kind: "link", link };
    }
    default:
      return unsafe(
        file,
        raw,
        `is a ${entry.type} entry; a snapshot holds files, folders and links only`,
      );
  }
}

/** Headers, padding and end-of-archive blocks a tar holds beyond its members' bytes (≤ 1 KiB a member). */
function tarOverhead(limits: ArchiveLimits): number {
  return Math.min(16 * 1024 * 1024, limits.maxMembers * 1024 + 10 * 1024);
}

/** A pass-through that fails with `error()` once more than `max` bytes went through. */
function byteLimit(max: number, error: () => HclError): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.byteLength;
      if (seen > max) done(error());
      else done(null, chunk);
    },
  });
}

function isGzip(file: string): boolean {
  const head = Buffer.alloc(2);
  const fd = openSync(file, "r");
  try {
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses a member written inside a folder that an earlier member made a symbolic link (the
 * classic way to write through a link out of the tree), and a hard link to a folder.
 */
function checkPlacement(
  file: string,
  entry: ReadEntry,
  member: Member,
  kinds: ReadonlyMap<string, Member["kind"]>,
): Member | HclError {
  const parts = member.path.split("/").filter((p) => p !== "");
  for (let i = 1; i < parts.length; i++) {
    const parent = `/${parts.slice(0, i).join("/")}`;
    if (kinds.get(parent) === "link")
      return unsafe(
        file,
        entry.path,
        `sits under ${parent.slice(1)}, which the archive made a link`,
      );
  }
  if (entry.type === "Link" && kinds.get(path.posix.resolve("/", entry.linkpath ?? "")) === "dir") {
    return unsafe(file, entry.path, "is a hard link to a folder");
  }
  return member;
}

/** True when `target`, followed from folder `base`, climbs above the snapshot's root. */
function climbsOut(base: string, target: string): boolean {
  let depth = base.split("/").filter((p) => p !== "").length;
  for (const part of target.split("/")) {
    if (part === "..") depth--;
    else if (part !== "" && part !== ".") depth++;
    if (depth < 0) return true;
  }
  return false;
}

/** Builds the file tree, stripping one leading folder that every member shares. */
function toMemoryFs(
  members: readonly { path: string; kind: "file" | "dir" | "link"; data?: Buffer; link?: string }[],
): MemoryFs {
  const tops = new Set(members.map((m) => m.path.split("/")[1] ?? ""));
  const [only] = tops;
  const strip =
    tops.size === 1 &&
    only !== undefined &&
    members.some((m) => m.path !== `/${only}`) &&
    members.every((m) => m.path === `/${only}` || m.path.startsWith(`/${only}/`)) &&
    !isSnapshotPart(only)
      ? `/${only}`
      : "";
  const fs = new MemoryFs();
  for (const member of members) {
    const at = member.path.slice(strip.length) || "/";
    if (member.kind === "dir") fs.addDir(at);
    else if (member.kind === "link") fs.set(at, { link: member.link ?? "" });
    else fs.set(at, member.data ?? new Uint8Array());
  }
  return fs;
}

/** Top-level names of the snapshot layout itself, which are never stripped. */
function isSnapshotPart(name: string): boolean {
  return name === "logs" || name === "sysfs" || name === "meta.json";
}

function unsafe(file: string, member: string, why: string): HclError {
  return new HclError(
    "HCL_E_SNAPSHOT_UNSAFE",
    `${file}: member ${member} ${why}; the archive is refused`,
    {
      hint: "Snapshot archives may only hold relative paths inside the snapshot. Re-create it with `hclkit capture`.",
      details: { file, member },
    },
  );
}

function tooLarge(file: string, why: string): HclError {
  return new HclError("HCL_E_SNAPSHOT_TOO_LARGE", `${file}: ${why}; the archive is refused`, {
    hint: "A snapshot holds logs and small sysfs files; check that the right archive was given.",
    details: { file },
  });
}
