import { existsSync } from "node:fs";
import path from "node:path";
import { CORPUS, MACHINES } from "../../../../helpers/corpus.js";

/** Every machine of the corpus that has a decoded ACPI dump. */
export const ACPI_MACHINES = MACHINES.filter((machine) =>
  existsSync(path.join(CORPUS, machine, "logs", "acpidump_decoded")),
);

/**
 * The `Raw Table Data` of every data-table section of a decoded dump, as bytes, by section
 * title (`DMAR`, `FACS1`): read here independently of the parser, to check it against the binary
 * reader.
 */
export function rawTables(text: string): Map<string, Uint8Array> {
  const lines = text.split("\n");
  const out = new Map<string, Uint8Array>();
  let section = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^-{4,}$/.test(lines[i + 1] ?? "") && /^\S{4}\d*$/.test(line)) section = line;
    const match = /^Raw Table Data: Length (\d+)/.exec(line.trim());
    if (match === null) continue;
    const want = Number(match[1]);
    const bytes: number[] = [];
    for (let j = i + 1; j < lines.length && bytes.length < want; j++) {
      const row = /^\s*[0-9A-F]{4}: ((?:[0-9A-F]{2} ){0,15}[0-9A-F]{2})/.exec(lines[j] as string);
      if (row === null) continue;
      for (const pair of (row[1] as string).split(" "))
        if (bytes.length < want) bytes.push(parseInt(pair, 16));
    }
    out.set(section, Uint8Array.from(bytes));
  }
  return out;
}
