import path from "node:path";
import type { Diagnostic, Parsed } from "../common.js";
import { splitLines } from "../text.js";
import { parseConnectorName } from "./connector-name.js";
import { parseEdid } from "./parse-edid.js";
import type { Monitor } from "./schema.js";

const HEADER = 'edid-decode "';
const HEX_PAIR = /^[0-9a-fA-F]{2}$/;
const HEX_RUN = /^[0-9a-fA-F]+$/;
/** `header:          00 ff ff ff ff ff ff 00` of old edid-decode's "Extracted contents". */
const EXTRACTED = /^[a-z][a-z0-9 ]{0,30}:\s+([0-9a-f]{2}(?: [0-9a-f]{2})*)\s*$/;

/** Lines [start, end) of one monitor's part of the log. */
interface Segment {
  readonly start: number;
  readonly end: number;
  readonly source: string | null;
}

/**
 * Parses hw-probe's `logs/edid`: for each DRM connector with an EDID, a header
 * `edid-decode "/sys/class/drm/card0-LVDS-1/edid"`, then `EDID (hex):` and the EDID as lines of
 * 32 hex digits, then edid-decode's text (hw-probe.pl). Also reads the forms edid-decode itself
 * prints and hw-probe keeps from older probes or other tools: `edid-decode (hex):` with 16
 * spaced bytes per line (blank lines between blocks), the "Extracted contents:" table of old
 * edid-decode, and a log without headers (one monitor). Only the first hex dump of each part is
 * read (edid-decode repeats the same bytes). Each monitor's base block is decoded by
 * {@link parseEdid}; a part without a hex dump is reported.
 *
 * @public
 */
export function parseEdidLog(text: string, file: string): Parsed<Monitor[]> {
  const diagnostics: Diagnostic[] = [];
  const monitors: Monitor[] = [];
  const lines = splitLines(text);
  for (const segment of segments(lines)) {
    const dump = readDump(lines, segment);
    const first = segment.start + 1;
    const last = Math.max(first, segment.end);
    if (dump === null) {
      if (segment.source !== null)
        diagnostics.push({
          code: "HCL_E_EVIDENCE_MALFORMED",
          file,
          line: first,
          message: `the part of ${file} for ${segment.source} (line ${first}) has no EDID hex dump`,
          expected: "EDID (hex): followed by hex lines",
        });
      continue;
    }
    const parsed = parseEdid(Uint8Array.from(dump.bytes), file);
    for (const d of parsed.diagnostics) diagnostics.push({ ...d, line: dump.line });
    if (parsed.value === null) continue;
    const connector = connectorOf(segment.source);
    monitors.push({
      connector,
      kind: connector === null ? null : (parseConnectorName(connector)?.kind ?? null),
      edid: {
        ...parsed.value,
        at:
          dump.endLine > dump.line
            ? { file, line: dump.line, endLine: dump.endLine }
            : { file, line: dump.line },
      },
      at: last > first ? { file, line: first, endLine: last } : { file, line: first },
    });
  }
  if (monitors.length === 0 && diagnostics.length === 0 && text.trim() !== "")
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      message: `${file} holds no EDID hex dump`,
      expected: "EDID (hex): followed by hex lines",
    });
  return { value: monitors, diagnostics };
}

/** The parts of the log, one per `edid-decode "…"` header (or the whole log when it has none). */
function segments(lines: readonly string[]): Segment[] {
  const starts: { line: number; source: string }[] = [];
  lines.forEach((line, i) => {
    const t = line.trimStart();
    if (!t.startsWith(HEADER)) return;
    const close = t.indexOf('"', HEADER.length);
    starts.push({ line: i, source: t.slice(HEADER.length, close === -1 ? undefined : close) });
  });
  if (starts.length === 0) return [{ start: 0, end: lines.length, source: null }];
  const parts: Segment[] = [];
  const firstHeader = starts[0]?.line ?? 0;
  if (firstHeader > 0) parts.push({ start: 0, end: firstHeader, source: null });
  starts.forEach((s, k) =>
    parts.push({ start: s.line, end: starts[k + 1]?.line ?? lines.length, source: s.source }),
  );
  return parts;
}

/** The first hex dump of a part: its bytes and 1-based lines. */
function readDump(
  lines: readonly string[],
  { start, end }: Segment,
): { bytes: number[]; line: number; endLine: number } | null {
  for (let i = start; i < end; i++) {
    const t = (lines[i] as string).trim();
    if (t.endsWith("(hex):")) return hexLines(lines, i + 1, end);
    if (t === "Extracted contents:") return extractedContents(lines, i + 1, end);
  }
  return null;
}

/** Hex lines from `from`, blank lines between blocks allowed, up to the first other line. */
function hexLines(
  lines: readonly string[],
  from: number,
  end: number,
): { bytes: number[]; line: number; endLine: number } | null {
  const bytes: number[] = [];
  let first = -1;
  let last = -1;
  for (let i = from; i < end; i++) {
    const t = (lines[i] as string).trim();
    if (t === "") continue;
    const row = hexRow(t);
    if (row === null) break;
    bytes.push(...row);
    if (first === -1) first = i;
    last = i;
  }
  return first === -1 ? null : { bytes, line: first + 1, endLine: last + 1 };
}

/** `00 ff ff …` or `00ffff…`, or `null` when the line is not only hex bytes. */
function hexRow(t: string): number[] | null {
  if (t.length > 4096) return null;
  if (t.includes(" ") || t.includes("\t")) {
    const parts = t.split(/\s+/);
    return parts.every((p) => HEX_PAIR.test(p)) ? parts.map((p) => Number.parseInt(p, 16)) : null;
  }
  if (t.length % 2 !== 0 || !HEX_RUN.test(t)) return null;
  const row: number[] = [];
  for (let i = 0; i < t.length; i += 2) row.push(Number.parseInt(t.slice(i, i + 2), 16));
  return row;
}

/** The `label: hex bytes` table of old edid-decode, in order, up to the first other line. */
function extractedContents(
  lines: readonly string[],
  from: number,
  end: number,
): { bytes: number[]; line: number; endLine: number } | null {
  const bytes: number[] = [];
  let last = -1;
  for (let i = from; i < end; i++) {
    const match = EXTRACTED.exec((lines[i] as string).trim());
    if (match?.[1] === undefined) break;
    for (const p of match[1].split(" ")) bytes.push(Number.parseInt(p, 16));
    last = i;
  }
  return last === -1 ? null : { bytes, line: from + 1, endLine: last + 1 };
}

/** `card0-LVDS-1` of `/sys/class/drm/card0-LVDS-1/edid`; the name as given otherwise (`LVDS1/edid` → `LVDS1`). */
function connectorOf(source: string | null): string | null {
  if (source === null || source === "") return null;
  const trimmed = source.endsWith("/edid") ? path.posix.dirname(source) : source;
  const name = path.posix.basename(trimmed);
  return name === "" || name === "." ? null : name;
}
