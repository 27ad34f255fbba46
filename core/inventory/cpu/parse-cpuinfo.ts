import type { Diagnostic, Parsed } from "../common.js";
import { splitLines } from "../text.js";
import type { Cpu } from "./schema.js";

/** One `processor : N` block of /proc/cpuinfo: its fields and lines. */
interface Processor {
  readonly fields: Map<string, string>;
  readonly line: number;
  endLine: number;
}

/**
 * Parses x86 `/proc/cpuinfo` (hw-probe log `cpuinfo`): one block of `key<TAB>: value` lines per
 * logical processor, written by the kernel's `show_cpuinfo` (arch/x86/kernel/cpu/proc.c).
 * Vendor, family/model/stepping, model name and flags come from the first processor — the
 * kernel clears a feature flag on every CPU alike. Threads are the processors listed; cores are
 * `cpu cores` summed over the distinct `physical id`s.
 *
 * hw-probe keeps only the first processor of the file ("for one core", `hw-probe.pl`); when a
 * package lists fewer processors than its `siblings`, the listing is partial and threads and
 * cores are unknown (`null`) rather than undercounted. Lines outside processor blocks (other
 * architectures' headers and trailers) are tolerated; lines without a colon are reported.
 *
 * @public
 */
export function parseCpuinfo(text: string, file: string): Parsed<Cpu> {
  const diagnostics: Diagnostic[] = [];
  const processors: Processor[] = [];
  let current: Processor | null = null;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const lineNo = i + 1;
    if (line.trim() === "") {
      current = null;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon === -1) {
      diagnostics.push({
        code: "HCL_E_EVIDENCE_MALFORMED",
        file,
        line: lineNo,
        message: `line ${lineNo} of ${file} is not a "key : value" line; skipped`,
        expected: "key : value",
      });
      continue;
    }
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (key === "processor") {
      current = { fields: new Map(), line: lineNo, endLine: lineNo };
      processors.push(current);
    }
    if (current === null) continue;
    if (!current.fields.has(key)) current.fields.set(key, value);
    current.endLine = lineNo;
  }

  const first = processors[0];
  const last = processors[processors.length - 1];
  if (first === undefined || last === undefined) {
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      message: `${file} lists no processor`,
      expected: "processor : 0",
    });
    return { value: null, diagnostics };
  }
  const flags = first.fields.get("flags");
  const counts = countTopology(processors);
  return {
    value: {
      vendor: nonEmpty(first.fields.get("vendor_id")),
      model: nonEmpty(first.fields.get("model name")),
      family: integer(first.fields.get("cpu family")),
      modelNumber: integer(first.fields.get("model")),
      stepping: integer(first.fields.get("stepping")),
      flags: flags === undefined ? null : flags.split(/\s+/).filter((f) => f !== ""),
      cores: counts.cores,
      threads: counts.threads,
      at:
        last.endLine > first.line
          ? { file, line: first.line, endLine: last.endLine }
          : { file, line: first.line },
    },
    diagnostics,
  };
}

/**
 * Threads and cores, or `null` each when the listing cannot tell: cores need `physical id` and
 * `cpu cores` on every processor (a kernel without CONFIG_SMP prints neither); both need every
 * package's processors to be listed (`siblings` of them).
 */
function countTopology(processors: readonly Processor[]): {
  threads: number | null;
  cores: number | null;
} {
  const packages = new Map<
    string,
    { cores: number | null; siblings: number | null; seen: number }
  >();
  let topologyKnown = true;
  for (const p of processors) {
    const id = p.fields.get("physical id");
    if (id === undefined) {
      topologyKnown = false;
      continue;
    }
    const known = packages.get(id);
    if (known !== undefined) known.seen++;
    else
      packages.set(id, {
        cores: integer(p.fields.get("cpu cores")),
        siblings: integer(p.fields.get("siblings")),
        seen: 1,
      });
  }
  let partial = false;
  let cores: number | null = topologyKnown && packages.size > 0 ? 0 : null;
  for (const pkg of packages.values()) {
    if (pkg.siblings !== null && pkg.seen < pkg.siblings) partial = true;
    cores = cores === null || pkg.cores === null || pkg.cores < 1 ? null : cores + pkg.cores;
  }
  if (partial) return { threads: null, cores: null };
  return { threads: processors.length, cores };
}

function integer(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value === "" ? null : value;
}
