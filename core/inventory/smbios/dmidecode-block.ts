import { hexOf, u16 } from "./bytes.js";
import type { DiagnosticList } from "./diagnostic-list.js";
import { typeOfName } from "./dsp0134-names.js";
import type { SmbiosStructure } from "./schema.js";

/** Keys whose values identify one machine or part; masked as hw-probe masks them. */
const PRIVATE_KEYS = new Set(["Serial Number", "SBDS Serial Number", "UUID", "Asset Tag"]);
/** Values of those keys that say nothing and are kept as printed. */
const SAYS_NOTHING = new Set(["", "--", "Not Specified", "Not Present", "None", "Unknown"]);
/** One `Header and Data` byte as dmidecode prints it. */
const HEX_BYTE = /^[0-9A-Fa-f]{2}$/;

/** Where `\t\t` items of a block go: a field, the hex dump, or the string list. */
type ListTarget = { kind: "field"; key: string } | { kind: "data" } | { kind: "strings" };

/**
 * One structure of dmidecode's text being read: the `Handle` line, then the title, `\tKey: value`
 * lines and `\t\titem` lines, until a blank line. {@link DmidecodeBlock.close} turns it into a
 * {@link SmbiosStructure}, checking the hex dump against the `Handle` line.
 */
export class DmidecodeBlock {
  private name: string | null = null;
  private section: string | null = null;
  // Maps, not objects: a key read from the evidence may be `__proto__`.
  private readonly fields = new Map<string, string | string[]>();
  private readonly lines = new Map<string, number>();
  private target: ListTarget | null = null;
  private readonly hex: { text: string; line: number }[] = [];
  private strings: string[] | null = null;
  private end: number;

  constructor(
    /** From the `Handle` line; `null` when the block was recovered from its title alone. */
    private readonly handle: number | null,
    private readonly type: number | null,
    private readonly length: number | null,
    private readonly start: number,
    private readonly file: string,
    private readonly diagnostics: DiagnosticList,
  ) {
    this.end = start;
  }

  /** Sets the title, or opens a sub-record when the block already has one (type 10, 40). */
  title(text: string, line: number): void {
    this.end = line;
    if (this.name === null) this.name = text;
    else this.section = text;
    this.target = null;
  }

  /** A `\tKey: value` line (`value` is `null` for a bare `\tKey:` that starts a list). */
  field(key: string, value: string | null, line: number): void {
    this.end = line;
    if (value === null && key === "Header and Data" && this.section === null) {
      this.target = { kind: "data" };
      this.lines.set(key, line);
      return;
    }
    if (value === null && key === "Strings" && this.section === null) {
      this.target = { kind: "strings" };
      this.strings = [];
      this.lines.set(key, line);
      return;
    }
    const base = this.section === null ? key : `${this.section} / ${key}`;
    let name = base;
    for (let n = 2; this.fields.has(name); n++) name = `${base} (${n})`;
    const printed = value ?? "";
    this.fields.set(
      name,
      PRIVATE_KEYS.has(key) && !SAYS_NOTHING.has(printed.trim()) ? "--" : printed,
    );
    this.lines.set(name, line);
    this.target = { kind: "field", key: name };
  }

  /** A `\t\titem` line: a list item, a hex dump row, or a string. */
  item(text: string, line: number): void {
    this.end = line;
    const target = this.target;
    if (target === null) {
      this.diagnostics.add(
        "HCL_E_EVIDENCE_MALFORMED",
        `list item outside a list: "${clip(text)}"`,
        {
          line,
          expected: "a `\\tKey:` line before `\\t\\t` items",
        },
      );
    } else if (target.kind === "data") {
      this.hex.push({ text, line });
    } else if (target.kind === "strings") {
      this.strings?.push(text);
    } else {
      // A list's first line may carry a count (`Installable Languages: 1`); the items replace it.
      const current = this.fields.get(target.key);
      if (Array.isArray(current)) current.push(text);
      else this.fields.set(target.key, [text]);
    }
  }

  /** A line inside the block that is none of the above. */
  stray(text: string, line: number): void {
    this.end = line;
    this.target = null;
    const truncated = text.trim() === "<TRUNCATED>";
    this.diagnostics.add(
      truncated ? "HCL_E_EVIDENCE_TRUNCATED" : "HCL_E_EVIDENCE_MALFORMED",
      truncated
        ? `dmidecode says structure ${this.label()} runs past the end of the table`
        : `unexpected line in structure ${this.label()}: "${clip(text)}"`,
      { line, ...(truncated ? {} : { expected: "`\\tKey: value` or `\\t\\titem`" }) },
    );
  }

  /**
   * The structure read, or `null` when nothing tells its type. `atEnd`: the text ended inside
   * this block (no blank line after it), so a short hex dump is a truncation.
   */
  close(atEnd: boolean): SmbiosStructure | null {
    const bytes = this.bytes(atEnd);
    const type = this.type ?? (this.name === null ? null : typeOfName(this.name)) ?? bytes?.[0];
    if (type === undefined || type === null) {
      this.diagnostics.add(
        "HCL_E_EVIDENCE_MALFORMED",
        `structure "${clip(this.name ?? "")}" has no Handle line and no known type; skipped`,
        { line: this.start },
      );
      return null;
    }
    if (this.name === null)
      this.diagnostics.add(
        atEnd ? "HCL_E_EVIDENCE_TRUNCATED" : "HCL_E_EVIDENCE_MALFORMED",
        `structure ${this.label()} has no title line`,
        { line: this.start, expected: "a title such as `System Information`" },
      );
    const at =
      this.end > this.start
        ? { file: this.file, line: this.start, endLine: this.end }
        : { file: this.file, line: this.start };
    return {
      handle: this.handle,
      type,
      length: this.length ?? (bytes === null ? null : (bytes[1] ?? null)),
      name: this.name,
      fields: Object.fromEntries(this.fields),
      data: bytes === null ? null : hexOf(bytes),
      strings: this.strings,
      lines: Object.fromEntries(this.lines),
      at,
    };
  }

  private bytes(atEnd: boolean): Uint8Array | null {
    const line = this.lines.get("Header and Data");
    if (line === undefined) return null;
    const out: number[] = [];
    for (const row of this.hex) {
      for (const token of row.text.trim().split(" ")) {
        if (HEX_BYTE.test(token)) out.push(Number.parseInt(token, 16));
        else
          this.diagnostics.add("HCL_E_EVIDENCE_MALFORMED", `"${clip(token)}" is not a hex byte`, {
            line: row.line,
            expected: "two hex digits per byte, separated by spaces",
          });
      }
    }
    const bytes = Uint8Array.from(out);
    if (this.length !== null && bytes.length !== this.length) {
      const short = bytes.length < this.length;
      this.diagnostics.add(
        short && atEnd ? "HCL_E_EVIDENCE_TRUNCATED" : "HCL_E_EVIDENCE_MALFORMED",
        `structure ${this.label()} dumps ${bytes.length} bytes, its Handle line says ${this.length}`,
        { line },
      );
    }
    const header = [this.type, this.length, this.handle];
    const found = [bytes[0], bytes[1], u16(bytes, 2)];
    if (bytes.length >= 4 && header.some((v, i) => v !== null && v !== found[i]))
      this.diagnostics.add(
        "HCL_E_EVIDENCE_MALFORMED",
        `the header bytes of structure ${this.label()} disagree with its Handle line`,
        { line, expected: "type, length and handle as on the Handle line" },
      );
    return bytes;
  }

  private label(): string {
    if (this.handle === null) return `at line ${this.start}`;
    return `0x${this.handle.toString(16).toUpperCase().padStart(4, "0")}`;
  }
}

/** A piece of evidence short enough to quote in a message. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
