import type { Diagnostic, Parsed } from "../common.js";
import type { PciIds } from "../ids/pci-ids.js";
import { splitVendorName } from "../ids/split-name.js";
import { splitLines } from "../text.js";
import { isLspciHeader, parseIdPair, parseLspciHeader, type LspciHeader } from "./lspci-header.js";
import { lspciStdoutLines, type LspciLine } from "./lspci-lines.js";
import type { PciFunction } from "./schema.js";

const EXPECTED_HEADER =
  "[domain:]bus:device.function <class> [cccc]: <vendor> <device> [vvvv:dddd] (lspci -nn)";

type IdPair = { description: string; vendorId: string; deviceId: string };

/** What one record's detail lines said. */
interface Block {
  readonly header: LspciHeader;
  readonly at: LspciLine;
  endLine: number;
  details: number;
  subsystem: IdPair | null;
  bridgeSubsystem: IdPair | null;
  driver: string | null;
  modules: string[] | null;
  iommuGroup: number | null;
}

/**
 * Reads `lspci -vvnn` output (hw-probe's `logs/lspci_all`; `-vnn`, `-nn` and `-k` work too) into
 * PCI functions. Names of vendor and device are told apart with `ids` when given (see
 * {@link splitVendorName}); class names missing from the dump come from it too.
 *
 * What lspci leaves out is filled from what pciutils documents (lspci.c `show_terse`): the
 * revision is printed only when non-zero, so a record without `(rev ..)` has revision `00`; in
 * verbose output the programming interface is printed whenever it is non-zero, so a verbose
 * record without `(prog-if ..)` has `00`. `Kernel driver in use` is printed for a bound
 * function, so when the dump shows kernel information at all, a function without the line has no
 * driver bound (`driver: null`, `driverKnown: true`).
 *
 * Records that cannot be read, lines outside any record and a dump cut off inside its last record
 * are reported; everything else is kept.
 *
 * @public
 */
export function parseLspci(text: string, file: string, ids?: PciIds): Parsed<PciFunction[]> {
  const { lines, diagnostics } = lspciStdoutLines(splitLines(text), file);
  const blocks: Block[] = [];
  const seen = new Set<string>();
  let block: Block | null = null;
  let stray: LspciLine | null = null;
  const flushStray = (before: number): void => {
    if (stray !== null) diagnostics.push(strayDiagnostic(file, stray.line, before - 1));
    stray = null;
  };
  for (const line of lines) {
    const value = line.text;
    if (value.trim() === "") {
      flushStray(line.line);
      block = null;
      continue;
    }
    if (isLspciHeader(value)) {
      flushStray(line.line);
      const header = parseLspciHeader(value);
      block = null;
      if (header === null) {
        diagnostics.push(malformed(file, line.line, "is not an lspci -nn record header", value));
      } else if (seen.has(header.address)) {
        diagnostics.push(
          malformed(file, line.line, `repeats ${header.address}; kept the first`, value),
        );
      } else {
        seen.add(header.address);
        block = {
          header,
          at: line,
          endLine: line.endLine ?? line.line,
          details: 0,
          subsystem: null,
          bridgeSubsystem: null,
          driver: null,
          modules: null,
          iommuGroup: null,
        };
        blocks.push(block);
      }
      continue;
    }
    if (block === null || !value.startsWith("\t")) {
      stray ??= line;
      continue;
    }
    flushStray(line.line);
    block.endLine = line.endLine ?? line.line;
    block.details++;
    readDetail(block, value);
  }
  flushStray((lines.at(-1)?.line ?? 0) + 1);

  const verbose = blocks.some((b) => b.details > 0);
  const kernelInfo = blocks.some((b) => b.driver !== null || b.modules !== null);
  const modulesShown = blocks.some((b) => b.modules !== null);
  // lspci -v ends every record with an empty line; a verbose dump that ends on a line of its
  // last record was cut off, and that record may have lost its driver lines.
  const last = blocks.at(-1);
  const final = lines.at(-1);
  const truncated =
    verbose &&
    last !== undefined &&
    final !== undefined &&
    (final.endLine ?? final.line) === last.endLine;
  if (truncated && last !== undefined)
    diagnostics.push({
      code: "HCL_E_EVIDENCE_TRUNCATED",
      file,
      line: last.endLine,
      message: `${file} ends inside the record of ${last.header.address} (line ${last.at.line}); its driver and modules are unknown`,
      expected: "an empty line after the last record",
    });

  const value = blocks.map((b) => {
    const cut = truncated && b === last;
    return toFunction(b, file, ids, {
      verbose,
      driverKnown: b.driver !== null || (kernelInfo && !cut),
      modulesKnown: b.modules !== null || (modulesShown && !cut),
    });
  });
  return { value, diagnostics };
}

function readDetail(block: Block, line: string): void {
  // `DeviceName:` is printed without a line break of its own (lspci.c show_terse), so a
  // `Subsystem:` may follow on the same line.
  const sub = line.indexOf("\tSubsystem: ");
  if (sub >= 0) {
    block.subsystem = parseIdPair(line.slice(sub + "\tSubsystem: ".length));
    return;
  }
  // Bridges carry their subsystem IDs in a capability (PCI_CAP_ID_SSVID), which is where the
  // kernel reads them from too (drivers/pci/probe.c, pci_setup_device).
  const cap = line.startsWith("\tCapabilities: [") ? line.indexOf("] Subsystem: ") : -1;
  if (cap >= 0) {
    block.bridgeSubsystem ??= parseIdPair(line.slice(cap + "] Subsystem: ".length));
    return;
  }
  if (line.startsWith("\t\t")) return;
  const colon = line.indexOf(": ");
  if (colon < 0) return;
  const key = line.slice(1, colon);
  const value = line.slice(colon + 2).trim();
  if (key === "Kernel driver in use") block.driver = value === "" ? null : value;
  else if (key === "Kernel modules")
    block.modules = value
      .split(",")
      .map((m) => m.trim())
      .filter((m) => m !== "");
  else if (key === "IOMMU group" && /^\d{1,9}$/.test(value)) block.iommuGroup = Number(value);
}

function toFunction(
  b: Block,
  file: string,
  ids: PciIds | undefined,
  known: { verbose: boolean; driverKnown: boolean; modulesKnown: boolean },
): PciFunction {
  const h = b.header;
  const names = splitVendorName(h.description, ids?.vendor(h.vendorId) ?? null);
  const sub = b.subsystem ?? b.bridgeSubsystem;
  const subNames =
    sub === null ? null : splitVendorName(sub.description, ids?.vendor(sub.vendorId) ?? null);
  const noSubsystem = sub === null || sub.vendorId === "0000" || sub.vendorId === "ffff";
  return {
    address: h.address,
    classId: h.classId,
    progIf: h.progIf ?? (known.verbose ? "00" : null),
    className: h.className ?? ids?.className(h.classId) ?? null,
    vendorId: h.vendorId,
    deviceId: h.deviceId,
    vendorName: names.vendorName,
    deviceName: names.deviceName,
    subsystemVendorId: noSubsystem ? null : sub.vendorId,
    subsystemDeviceId: noSubsystem ? null : sub.deviceId,
    subsystemName: noSubsystem ? null : (subNames?.deviceName ?? null),
    revision: h.revision ?? "00",
    driver: b.driver,
    driverKnown: known.driverKnown,
    modules: known.modulesKnown ? (b.modules ?? []) : null,
    iommuGroup: b.iommuGroup,
    at:
      b.endLine > b.at.line
        ? { file, line: b.at.line, endLine: b.endLine }
        : { file, line: b.at.line },
  };
}

function malformed(file: string, line: number, what: string, text: string): Diagnostic {
  const shown = text.length > 120 ? `${text.slice(0, 120)}…` : text;
  return {
    code: "HCL_E_EVIDENCE_MALFORMED",
    file,
    line,
    message: `${file}:${line} ${what}: "${shown}"`,
    expected: EXPECTED_HEADER,
  };
}

function strayDiagnostic(file: string, from: number, to: number): Diagnostic {
  const span = to > from ? `lines ${from}-${to} are` : `line ${from} is`;
  return {
    code: "HCL_E_EVIDENCE_MALFORMED",
    file,
    line: from,
    message: `${file}: ${span} outside any lspci record; skipped`,
    expected: `a record header (${EXPECTED_HEADER}) or a tab-indented detail line`,
  };
}
