import type { EvidenceFs } from "../../evidence/evidence-fs.js";
import type { Diagnostic, Parsed } from "../common.js";
import { parseAcpiTable } from "./parse-acpi-table.js";
import type { AcpiTable } from "./schema.js";

/** Where the kernel exports the firmware's tables (drivers/acpi/sysfs.c `acpi_tables_sysfs_init`). */
export const ACPI_TABLES_DIR = "/sys/firmware/acpi/tables";

/**
 * Every table the kernel exports under `/sys/firmware/acpi/tables/` (named by signature, `SSDT1`,
 * `SSDT2`… when there are several; tables loaded at run time under `dynamic/`). The folder lists
 * every table the kernel installed, so a signature missing from it is absent. The files are
 * readable by root only: a table that cannot be read is still listed, with its signature taken
 * from its file name and its header unknown. `null` when the folder is not in the evidence.
 *
 * @public
 */
export function readAcpiTables(sys: EvidenceFs): Parsed<AcpiTable[]> {
  const names = sys.list(ACPI_TABLES_DIR);
  if (names === null) return { value: null, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const tables: AcpiTable[] = [];
  for (const name of names) {
    if (name === "data") continue; // firmware data blobs (BERT, BGRT images), not tables
    const inner = sys.list(`${ACPI_TABLES_DIR}/${name}`);
    if (inner === null)
      tables.push(readTable(sys, `${ACPI_TABLES_DIR}/${name}`, name, diagnostics));
    else if (name === "dynamic")
      for (const dynamic of inner)
        tables.push(readTable(sys, `${ACPI_TABLES_DIR}/dynamic/${dynamic}`, dynamic, diagnostics));
  }
  return { value: tables, diagnostics };
}

function readTable(
  sys: EvidenceFs,
  file: string,
  name: string,
  diagnostics: Diagnostic[],
): AcpiTable {
  const bytes = sys.readBytes(file);
  if (bytes !== null) {
    const parsed = parseAcpiTable(bytes, file);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    if (parsed.value !== null) return parsed.value;
  }
  return {
    signature: name.slice(0, 4) || "????",
    revision: null,
    oemId: null,
    oemTableId: null,
    oemRevision: null,
    length: null,
    checksumValid: null,
    fields: {},
    at: { file },
  };
}
