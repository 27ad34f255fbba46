import type { Diagnostic, Parsed, SourceRef } from "../common.js";
import { splitLines } from "../text.js";
import { AslNamespace, type AslBlock } from "./asl-namespace.js";
import { fixedFeatureButtonsOf, lowPowerS0IdleOf } from "./fadt-flags.js";
import { readDataTableSection, type DataTableSection } from "./parse-data-table-text.js";
import { readTableList } from "./read-table-list.js";
import type { Acpi, AcpiCoverage, AcpiTable, SleepState, SleepStates } from "./schema.js";

/** A section title: the table's signature, numbered when there are several (`SSDT3`, `FACS1`). */
const SECTION_TITLE = /^[\x21-\x7e]{4}\d{0,3}$/;

interface Section {
  readonly name: string;
  /** Index of the title line; the content starts two lines below it. */
  readonly title: number;
  readonly end: number;
}

/**
 * Reads hw-probe's `logs/acpidump_decoded`: the table list (`acpixtract -l`), then one section
 * per table titled by its signature and underlined with dashes — data tables in iasl's field
 * format (`[024h 0036   1]  Host Address Width : 23`), DSDT/SSDTs disassembled to ASL
 * (`DefinitionBlock (…) { … }`).
 *
 * Tables come from the sections, completed by the list (whose total tells whether the list is
 * whole even when the dump is cut short later). Devices and `\_Sx` sleep packages come from
 * every DefinitionBlock; the fixed-feature buttons and S0-idle flag from the FACP.
 *
 * One pass over the lines, linear in their length. Never throws; what cannot be read is
 * reported, and a text with neither a table list nor a table section gives `null`.
 *
 * @public
 */
export function parseAcpiDecoded(text: string, file: string): Parsed<Acpi> {
  const diagnostics: Diagnostic[] = [];
  const lines = splitLines(text);
  const sections = findSections(lines);
  const list = readTableList(lines, 0, sections[0]?.title ?? lines.length, file);
  if (list.at === null && sections.length === 0) {
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      message: `${file} holds neither a list of ACPI tables nor a decoded table`,
      expected: "acpidump output decoded by acpixtract and iasl -d (hw-probe acpidump_decoded)",
    });
    return { value: null, diagnostics };
  }
  const namespace = new AslNamespace(file, diagnostics);
  const found: AcpiTable[] = [];
  const blocks: AslBlock[] = [];
  let facp: DataTableSection | null = null;
  for (const section of sections) {
    const start = section.title + 2;
    if (isAsl(lines, start, section.end)) {
      const block = namespace.scanBlock(lines, start, section.end);
      if (block !== null) {
        blocks.push(block);
        found.push(block.table);
        continue;
      }
    }
    const read = readDataTableSection(lines, start, section.end, file, section.name, diagnostics);
    found.push(read.table);
    if (read.table.signature === "FACP" && facp === null) facp = read;
  }
  if (list.total !== null && list.tables.length !== list.total)
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      line: list.at?.endLine ?? list.at?.line,
      message: `${file}: the table list says ${list.total} tables, but ${list.tables.length} entries could be read`,
      expected: `${list.total} table entries`,
    });
  const tableList: AcpiCoverage | null =
    list.at !== null
      ? { complete: list.total !== null && list.tables.length === list.total, at: list.at }
      : { complete: false, at: { file, line: (sections[0]?.title ?? 0) + 1 } };
  const namespaceCoverage = coverage(blocks, list.tables, tableList.complete);
  const flagsAt: SourceRef | null =
    facp === null ? null : { file, line: facp.fieldLines.get("flags") ?? facp.table.at.line };
  return {
    value: {
      tables: merge(found, list.tables),
      tableList,
      devices: blocks.length === 0 ? null : namespace.devices(),
      namespace: namespaceCoverage,
      sleepStates:
        blocks.length === 0 && facp === null
          ? null
          : sleepStates(namespace, namespaceCoverage, facp?.table.fields["flags"], flagsAt),
      fixedFeatureButtons:
        facp === null || flagsAt === null
          ? null
          : fixedFeatureButtonsOf(facp.table.fields["flags"], flagsAt),
    },
    diagnostics,
  };
}

function findSections(lines: readonly string[]): Section[] {
  const titles: { name: string; title: number }[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const under = lines[i + 1] as string;
    if (!under.startsWith("----")) continue;
    const name = (lines[i] as string).trim();
    if (SECTION_TITLE.test(name) && /^-+\s*$/.test(under)) titles.push({ name, title: i });
  }
  return titles.map((t, k) => ({ ...t, end: titles[k + 1]?.title ?? lines.length }));
}

/** Whether the section is disassembled ASL: its first `DefinitionBlock` comes before any field line. */
function isAsl(lines: readonly string[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const trimmed = (lines[i] as string).trimStart();
    if (trimmed.startsWith("DefinitionBlock")) return true;
    if (trimmed.startsWith("[") || trimmed.startsWith("Raw Table Data")) return false;
  }
  return false;
}

/**
 * The namespace is whole when a DSDT was read, every block closed, and (with a whole table
 * list) every listed DSDT/SSDT has its block.
 */
function coverage(
  blocks: readonly AslBlock[],
  listed: readonly AcpiTable[],
  listComplete: boolean,
): AcpiCoverage | null {
  const first = blocks[0];
  const lastBlock = blocks[blocks.length - 1];
  if (first === undefined || lastBlock === undefined) return null;
  const amlListed = listed.filter((t) => t.signature === "DSDT" || t.signature === "SSDT").length;
  const complete =
    blocks.some((b) => b.table.signature === "DSDT") &&
    blocks.every((b) => b.closed) &&
    (!listComplete || amlListed <= blocks.length);
  const line = first.table.at.line ?? 1;
  const endLine = lastBlock.table.at.endLine ?? lastBlock.table.at.line ?? line;
  return {
    complete,
    at: endLine > line ? { file: first.table.at.file, line, endLine } : first.table.at,
  };
}

function sleepStates(
  namespace: AslNamespace,
  scope: AcpiCoverage | null,
  flags: string | undefined,
  flagsAt: SourceRef | null,
): SleepStates {
  const found = namespace.sleepObjects();
  const state = (key: string): SleepState => {
    const object = found.get(key);
    if (object !== undefined) return { supported: true, ...object };
    return scope?.complete === true
      ? { supported: false, conditional: false, at: scope.at }
      : { supported: null, conditional: false, at: null };
  };
  return {
    s0: state("s0"),
    s1: state("s1"),
    s2: state("s2"),
    s3: state("s3"),
    s4: state("s4"),
    s5: state("s5"),
    lowPowerS0Idle: lowPowerS0IdleOf(flags, flagsAt),
  };
}

/**
 * Each decoded table completed with the header values only the list gives (a DSDT's length),
 * then the listed tables that have no section, cited at their list line.
 */
function merge(found: readonly AcpiTable[], listed: readonly AcpiTable[]): AcpiTable[] {
  const bySignature = new Map<string, { entries: AcpiTable[]; next: number }>();
  for (const entry of listed) {
    const queue = bySignature.get(entry.signature);
    if (queue === undefined) bySignature.set(entry.signature, { entries: [entry], next: 0 });
    else queue.entries.push(entry);
  }
  const tables = found.map((table) => {
    const queue = bySignature.get(table.signature);
    const entry = queue?.entries[queue.next];
    if (queue === undefined || entry === undefined) return table;
    queue.next++;
    return {
      ...table,
      revision: table.revision ?? entry.revision,
      oemId: table.oemId ?? entry.oemId,
      oemTableId: table.oemTableId ?? entry.oemTableId,
      oemRevision: table.oemRevision ?? entry.oemRevision,
      length: table.length ?? entry.length,
    };
  });
  for (const queue of bySignature.values())
    for (let k = queue.next; k < queue.entries.length; k++)
      tables.push(queue.entries[k] as AcpiTable);
  return tables;
}
