import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { ActiveTestResult } from "../../plugin/api.js";
import type { CoreTest, CoreTestContext } from "./core-test.js";
import { integerParam, stringParam } from "./params.js";
import { readRootText, underRoot } from "./root-files.js";
import { sequentialRead } from "./sequential-read.js";
import { findCardReaderTargets, findEsataTargets, type BlockTarget } from "./storage-targets.js";

const MIB = 1024 * 1024;

function errnoOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : (error as Error).message;
}

/**
 * The bytes `file` (a path of the machine, read under `root`) holds: a block device's size from
 * sysfs, a regular file's length; `null` when only reading to the end can tell (a character
 * device, a /proc file whose length shows as 0).
 */
async function sizeOfPath(root: string, file: string): Promise<number | null> {
  const host = underRoot(root, file);
  let info;
  try {
    info = await stat(host);
  } catch (error) {
    if (errnoOf(error) === "ENOENT")
      throw new Error(`params.path ${file} does not exist under ${root}`, { cause: error });
    throw new Error(`cannot stat ${file} under ${root}: ${errnoOf(error)}`, { cause: error });
  }
  if (info.isFile()) return info.size > 0 ? info.size : null;
  if (!info.isBlockDevice()) return null;
  // /dev/disk/by-id/… links to /dev/sdb; /sys/class/block/sdb/size counts 512-byte sectors.
  const name = path.basename(await realpath(host));
  const sectors = (await readRootText(root, `/sys/class/block/${name}/size`))?.trim();
  return sectors !== undefined && /^\d{1,15}$/.test(sectors) ? Number(sectors) * 512 : null;
}

async function measure(
  context: CoreTestContext,
  target: { node: string; why: string; sizeBytes: number | null },
  sizeMiB: number,
  blockKiB: number,
  notes: string[],
): Promise<ActiveTestResult> {
  const maxBytes = Math.min(sizeMiB * MIB, target.sizeBytes ?? Number.POSITIVE_INFINITY);
  context.log(
    `reading ${(maxBytes / MIB).toFixed(1)} MiB of ${target.node} (${target.why}) in ${blockKiB} KiB blocks`,
  );
  let result;
  try {
    result = await sequentialRead(underRoot(context.root, target.node), {
      maxBytes,
      blockBytes: blockKiB * 1024,
      signal: context.signal,
    });
  } catch (error) {
    const code = errnoOf(error);
    if (code === "ENOMEDIUM")
      return {
        measurements: [],
        notes,
        skip: `${target.node} has no medium: insert a card or a disk, or give params.path`,
      };
    const hint =
      code === "EACCES" || code === "EPERM"
        ? " (reading a device needs root)"
        : code === "ENOENT"
          ? " (no such device node: is /dev mounted?)"
          : "";
    throw new Error(`cannot read ${target.node} under ${context.root}: ${code}${hint}`, {
      cause: error,
    });
  }
  if (result.bytes === 0)
    throw new Error(`${target.node} gave no data to read: nothing to measure`);
  const seconds = Math.max(result.seconds, 1e-9);
  const value = Math.round((result.bytes / 1e6 / seconds) * 10) / 10;
  context.log(`${result.bytes} bytes in ${seconds.toFixed(3)} s: ${value} MB/s`);
  if (result.fallback !== null)
    notes.push(`${result.fallback}; a cached block reads faster than the device`);
  if (result.bytes < sizeMiB * MIB)
    notes.push(`${target.node} holds only ${(result.bytes / MIB).toFixed(1)} MiB: read it whole`);
  notes.unshift(
    `read ${result.bytes} bytes of ${target.node} (${target.why}) in ${seconds.toFixed(3)} s, ${result.direct ? "O_DIRECT" : "page cache"}, ${blockKiB} KiB blocks`,
  );
  return { measurements: [{ name: "throughput", value, unit: "MB/s" }], notes };
}

/**
 * `storage.read-throughput`: sequential read speed of an eSATA disk, a memory card or a path, in
 * MB/s (10^6 bytes per second).
 *
 * @public
 */
export const storageReadThroughput: CoreTest = {
  id: "storage.read-throughput",
  title: "Sequential read throughput of an eSATA disk or a memory card",
  params: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    additionalProperties: false,
    required: ["target"],
    properties: {
      target: {
        type: "string",
        enum: ["esata", "card-reader", "path"],
        description:
          "What to read: the disk on an eSATA port (an AHCI port marked external), a card in a card reader, or params.path.",
      },
      path: {
        type: "string",
        minLength: 1,
        description:
          "Block device or file to read (/dev/sdb); required when target is path, and overrides the search otherwise.",
      },
      sizeMiB: {
        type: "integer",
        minimum: 1,
        maximum: 1048576,
        description: "Read at most this many MiB (less when the device is smaller). Default 64.",
      },
      blockKiB: {
        type: "integer",
        minimum: 4,
        maximum: 65536,
        multipleOf: 4,
        description: "Size of each read, in KiB (a multiple of 4 for O_DIRECT). Default 1024.",
      },
    },
    if: { properties: { target: { const: "path" } } },
    then: { properties: { path: { type: "string" } }, required: ["path"] },
  },
  measures: { name: "throughput", unit: "MB/s" },
  live: true,
  timeoutSec: 600,
  async run(context) {
    const target = stringParam(context.params, "target");
    const given = stringParam(context.params, "path");
    const sizeMiB = integerParam(context.params, "sizeMiB", 64);
    const blockKiB = integerParam(context.params, "blockKiB", 1024);
    if (blockKiB < 4 || blockKiB % 4 !== 0)
      throw new Error(`params.blockKiB ${blockKiB} is not a multiple of 4`);
    if (given !== undefined) {
      const why =
        target === "path"
          ? "params.path"
          : `params.path, given instead of searching for the ${target}`;
      return measure(
        context,
        { node: given, why, sizeBytes: await sizeOfPath(context.root, given) },
        sizeMiB,
        blockKiB,
        [],
      );
    }
    if (target !== "esata" && target !== "card-reader")
      throw new Error(
        `params.target is ${JSON.stringify(target)} without params.path: expected esata or card-reader`,
      );
    const search =
      target === "esata"
        ? findEsataTargets(context.root)
        : findCardReaderTargets(context.root, context.devices);
    const notes = [...search.notes];
    if ("skip" in search) return { measurements: [], notes, skip: search.skip };
    const [first, ...others] = search.targets as [BlockTarget, ...BlockTarget[]];
    if (others.length > 0)
      notes.push(`also found: ${others.map((t) => `${t.name} (${t.why})`).join("; ")}`);
    return measure(context, first, sizeMiB, blockKiB, notes);
  },
};
