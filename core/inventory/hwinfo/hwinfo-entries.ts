import type { Diagnostic, SourceRef } from "../common.js";
import { splitLines } from "../text.js";

/** One `Key: value` line of an entry. */
export interface HwinfoField {
  readonly key: string;
  readonly value: string;
  readonly line: number;
}

/**
 * One numbered hwinfo entry: `31: PCI 16.3: 0700 Serial controller (16550)` and its
 * two-space-indented `Key: value` lines (deeper lines, such as those under `Driver Info #0:`, are
 * left out).
 *
 * @public
 */
export interface HwinfoEntry {
  /** `PCI`, `USB`, `None`, `PS/2`… */
  readonly bus: string;
  /** `16.3`: hwinfo's slot (bus << 8 | device, for PCI) and function, hex. */
  readonly slot: string;
  /** hwinfo's class code (`0700`, `10a00`): PCI's for PCI entries, hwinfo's own for others. */
  readonly classCode: string;
  readonly className: string;
  readonly fields: readonly HwinfoField[];
  readonly at: SourceRef;
  /** The dump ends inside this entry. */
  readonly cut: boolean;
}

/** `12: PCI 300.0: 0282 WLAN controller` (hwinfo src/hd/hdp.c, `hd_dump_entry`). */
const HEADER = /^(\d{1,6}): (\S{1,32}) ([0-9a-f]{1,8})\.([0-9a-f]{1,4}): ([0-9a-f]{1,6}) (.*)$/i;

/**
 * Splits a hwinfo dump into its entries. Lines outside any entry are reported (a run of them
 * once); a dump that does not end with a line break is reported as cut off in its last entry.
 *
 * @public
 */
export function hwinfoEntries(
  text: string,
  file: string,
): { entries: HwinfoEntry[]; diagnostics: Diagnostic[] } {
  const lines = splitLines(text);
  const entries: HwinfoEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  let current: { head: RegExpExecArray; line: number; end: number; fields: HwinfoField[] } | null =
    null;
  let stray: number | null = null;
  const close = (): void => {
    if (current !== null) entries.push(toEntry(current, file, false));
    current = null;
  };
  const flush = (): void => {
    if (stray !== null)
      diagnostics.push({
        code: "HCL_E_EVIDENCE_MALFORMED",
        file,
        line: stray,
        message: `${file}:${stray} starts lines outside any hwinfo entry; skipped`,
        expected: 'an entry header such as "12: PCI 300.0: 0280 Network controller"',
      });
    stray = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") {
      flush();
      close();
      continue;
    }
    const head = /^\d/.test(line) ? HEADER.exec(line) : null;
    if (head !== null) {
      flush();
      close();
      current = { head, line: i + 1, end: i + 1, fields: [] };
      continue;
    }
    if (current === null || !line.startsWith("  ")) {
      stray ??= i + 1;
      continue;
    }
    current.end = i + 1;
    if (line.charAt(2) === " ") continue;
    const colon = line.indexOf(":");
    if (colon > 2)
      current.fields.push({
        key: line.slice(2, colon),
        value: line.slice(colon + 1).trim(),
        line: i + 1,
      });
  }
  flush();
  const cut = text !== "" && !text.endsWith("\n");
  if (cut) {
    diagnostics.push({
      code: "HCL_E_EVIDENCE_TRUNCATED",
      file,
      line: lines.length,
      message: `${file} ends without a line break; its last entry is incomplete`,
      expected: "a complete hwinfo dump",
    });
  }
  if (current !== null) entries.push(toEntry(current, file, cut));
  return { entries, diagnostics };
}

function toEntry(
  c: { head: RegExpExecArray; line: number; end: number; fields: HwinfoField[] },
  file: string,
  cut: boolean,
): HwinfoEntry {
  const [, , bus, slot, fn, classCode, className] = c.head;
  return {
    bus: bus ?? "",
    slot: `${slot ?? ""}.${fn ?? ""}`.toLowerCase(),
    classCode: (classCode ?? "").toLowerCase(),
    className: (className ?? "").trim(),
    fields: c.fields,
    at: c.end > c.line ? { file, line: c.line, endLine: c.end } : { file, line: c.line },
    cut,
  };
}

/** The value of the first field named `key`, or `null`. @public */
export function field(entry: HwinfoEntry, key: string): string | null {
  return entry.fields.find((f) => f.key === key)?.value ?? null;
}

/** `"serial"`, `"a", "b"` → the quoted strings; an unquoted value as one string. @public */
export function quotedList(value: string | null): string[] {
  if (value === null) return [];
  const text = value.trim();
  if (!text.startsWith('"')) return text === "" ? [] : [text];
  return text
    .replace(/^"|"$/g, "")
    .split('", "')
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * An ID field: `pci 0x8086 "Intel Corporation"`, `usb 0x0bda "Realtek…"`, `pci 0x2162 ` (no
 * name), `"GenuineIntel"` (name only).
 *
 * @public
 */
export function idField(value: string | null): { id: string | null; name: string | null } {
  if (value === null) return { id: null, name: null };
  const match = /^(?:[a-z]{1,10} )?0x([0-9a-f]{1,8})\s*(.*)$/i.exec(value.trim());
  const rest = match === null ? value.trim() : (match[2] ?? "");
  const quoted = /^"(.*)"$/.exec(rest.trim());
  return {
    id: match?.[1]?.toLowerCase() ?? null,
    name: quoted?.[1] !== undefined && quoted[1] !== "" ? quoted[1] : null,
  };
}
