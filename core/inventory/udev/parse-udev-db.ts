import type { Diagnostic, Parsed } from "../common.js";
import type { UdevRecord } from "./schema.js";

/** Diagnostics reported line by line before the rest are counted in one summary. */
const MAX_LINE_DIAGNOSTICS = 50;

const CR = 13;
const SPACE = 32;
const COLON = 58;
const EQUALS = 61;

/**
 * Parses `udevadm info --export-db` (hw-probe log `udev-db`): records separated by blank lines,
 * each line `X: value` with `X` one of the prefixes of systemd's `udevadm(8)` ("udevadm info
 * output prefixes"); the `P:` line starts a record. Also reads the unspaced `X:value` form of
 * udev's own database files. Lines of other prefixes are skipped; lines that are not `X: …`,
 * lines before any `P:`, and `E:` lines without `=` are reported and skipped. A dump that stops
 * inside a record (hw-probe cuts logs over 2 MiB and appends `...`) keeps what was read and says
 * it is truncated.
 *
 * One pass over the text by character codes — no regular expression, no array of lines, property
 * names interned — because a laptop's database is megabytes and is read at hundreds of MB/s.
 *
 * @public
 */
export function parseUdevDb(text: string, file: string): Parsed<UdevRecord[]> {
  const records: UdevRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const keys = new KeyTable(text);
  let skipped = 0;
  const report = (line: number, message: string, expected: string): void => {
    if (diagnostics.length < MAX_LINE_DIAGNOSTICS)
      diagnostics.push({ code: "HCL_E_EVIDENCE_MALFORMED", file, line, message, expected });
    else skipped++;
  };

  const n = text.length;
  let record: UdevRecord | null = null;
  let recordLine = 0;
  let recordEnd = 0;
  let orphanReported = false;
  let lineNo = 0;
  let lastBlank = true;
  let pos = 0;
  while (pos < n) {
    let end = text.indexOf("\n", pos);
    if (end === -1) end = n;
    lineNo++;
    let stop = end;
    if (stop > pos && text.charCodeAt(stop - 1) === CR) stop--;
    const next = end + 1;

    if (stop === pos) {
      if (record !== null) setRange(record, recordLine, recordEnd);
      record = null;
      orphanReported = false;
      lastBlank = true;
      pos = next;
      continue;
    }
    lastBlank = false;
    if (stop - pos < 2 || text.charCodeAt(pos + 1) !== COLON) {
      report(lineNo, `line ${lineNo} of ${file} is not a udev record line`, "X: value");
      pos = next;
      continue;
    }
    const tag = text.charCodeAt(pos);
    let from = pos + 2;
    if (from < stop && text.charCodeAt(from) === SPACE) from++;
    pos = next;

    if (tag === 80 /* P */) {
      // A P: line starts a record, even without a blank line before it.
      if (record !== null) setRange(record, recordLine, recordEnd);
      record = newRecord(text.slice(from, stop), file, lineNo);
      recordLine = recordEnd = lineNo;
      records.push(record);
      continue;
    }
    if (record === null) {
      if (!orphanReported)
        report(
          lineNo,
          `line ${lineNo} of ${file} is outside any record (no P: line before it)`,
          "P: devpath",
        );
      orphanReported = true;
      continue;
    }
    recordEnd = lineNo;
    switch (tag) {
      case 69 /* E */: {
        // Bounded by the line: never search past its end for a '='.
        let eq = from;
        let hash = 0;
        for (; eq < stop; eq++) {
          const c = text.charCodeAt(eq);
          if (c === EQUALS) break;
          hash = (Math.imul(hash, 31) + c) | 0;
        }
        if (eq === stop || eq === from) {
          report(lineNo, `E: line ${lineNo} has no KEY=value`, "E: KEY=value");
          break;
        }
        const key = keys.intern(from, eq, hash);
        const value = text.slice(eq + 1, stop);
        // "__proto__" would set the prototype of a plain object instead of adding a key.
        if (key === "__proto__")
          Object.defineProperty(record.properties, key, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else record.properties[key] = value;
        break;
      }
      case 83 /* S */:
        record.symlinks.push(text.slice(from, stop));
        break;
      case 78 /* N */:
        record.node = text.slice(from, stop);
        break;
      case 77 /* M */:
        record.sysname = text.slice(from, stop);
        break;
      case 85 /* U */:
        record.subsystem = text.slice(from, stop);
        break;
      case 84 /* T */:
        record.devtype = text.slice(from, stop);
        break;
      case 68 /* D */:
        record.devnum = text.slice(from, stop);
        break;
      case 86 /* V */:
        record.driver = text.slice(from, stop);
        break;
      case 73 /* I */:
        record.ifindex = integer(text, from, stop);
        if (record.ifindex === null)
          report(lineNo, `I: line ${lineNo} is not an interface index`, "I: <integer>");
        break;
      case 76 /* L */:
        record.linkPriority = integer(text, from, stop);
        if (record.linkPriority === null)
          report(lineNo, `L: line ${lineNo} is not a link priority`, "L: <integer>");
        break;
      default:
      // R: Q: G: J: B: W: … — known to udev, not needed here.
    }
  }

  // udevadm ends every record with a blank line; hw-probe's 2 MiB cut ends with "...".
  if (record !== null && !lastBlank)
    diagnostics.push({
      code: "HCL_E_EVIDENCE_TRUNCATED",
      file,
      line: lineNo,
      message: `${file} ends inside the record of ${record.devpath} (line ${recordLine}); the dump was cut`,
      expected: "a blank line after each record",
    });
  if (record !== null) setRange(record, recordLine, recordEnd);
  if (skipped > 0)
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      message: `${skipped} more lines of ${file} are not udev record lines; skipped`,
    });
  return { value: records, diagnostics };
}

function newRecord(devpath: string, file: string, line: number): UdevRecord {
  return {
    devpath,
    sysname: null,
    subsystem: null,
    devtype: null,
    devnum: null,
    ifindex: null,
    driver: null,
    node: null,
    linkPriority: null,
    symlinks: [],
    properties: {},
    at: { file, line },
  };
}

/** Sets the line range of a finished record (a one-line record has no `endLine`). */
function setRange(record: UdevRecord, line: number, endLine: number): void {
  if (endLine > line) record.at = { file: record.at.file, line, endLine };
}

/** A decimal integer (optionally negative: link priorities are) filling text[from, stop). */
function integer(text: string, from: number, stop: number): number | null {
  let i = from;
  const negative = i < stop && text.charCodeAt(i) === 45;
  if (negative) i++;
  if (i === stop || stop - i > 15) return null;
  let value = 0;
  for (; i < stop; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    value = value * 10 + d;
  }
  return negative ? -value : value;
}

/**
 * Property names seen so far, found by a hash computed while scanning for `=` and compared in
 * place: a name repeated on every record (`SUBSYSTEM`, `DEVPATH`) is one string, not one per line.
 */
class KeyTable {
  private readonly buckets = new Map<number, string[]>();
  constructor(private readonly text: string) {}

  intern(from: number, to: number, hash: number): string {
    const length = to - from;
    const bucket = this.buckets.get(hash);
    if (bucket !== undefined)
      for (const key of bucket)
        if (key.length === length && this.text.startsWith(key, from)) return key;
    const key = this.text.slice(from, to);
    if (bucket === undefined) this.buckets.set(hash, [key]);
    else bucket.push(key);
    return key;
  }
}
