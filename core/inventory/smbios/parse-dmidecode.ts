import type { Parsed } from "../common.js";
import { splitLines } from "../text.js";
import { buildSmbios } from "./build-smbios.js";
import { DiagnosticList } from "./diagnostic-list.js";
import { clip, DmidecodeBlock } from "./dmidecode-block.js";
import { typeOfName } from "./dsp0134-names.js";
import type { Smbios, SmbiosStructure } from "./schema.js";

/** `Handle 0x002B, DMI type 17, 28 bytes` (dmidecode 2.9+, `pr_handle`). */
const HANDLE = /^Handle 0x([0-9A-Fa-f]{1,4}), DMI type (\d{1,3}), (\d{1,3}) bytes$/;
/** dmidecode 2.8 and older: `Handle 0x0000` alone, then `\tDMI type 0, 20 bytes.`, all indented once more. */
const OLD_HANDLE = /^Handle 0x([0-9A-Fa-f]{1,4})$/;
const OLD_TYPE = /^\tDMI type (\d{1,3}), (\d{1,3}) bytes\.?$/;
/** `SMBIOS 2.6 present.`, `SMBIOS 3.2.0 present.`, `Legacy DMI 2.0 present.` */
const VERSION = /^(?:SMBIOS|Legacy DMI) (\d{1,3}\.\d{1,3}(?:\.\d{1,3})?) present\.$/;
const COUNT = /^(\d{1,6}) structures occupying \d{1,10} bytes\.$/;
/** Lines dmidecode prints around the table (`pr_info`, `pr_comment`), read and ignored. */
const INFO = [
  /^# /,
  /^#$/,
  /^Table at 0x[0-9A-Fa-f]{1,16}\.$/,
  /^Getting SMBIOS data from sysfs\.$/,
  /^Failed to get SMBIOS data from sysfs\.$/,
  /^Scanning \S+ for entry point\.$/,
  /^Found SMBIOS entry point in EFI, reading table from \S+\.$/,
  /^Reading SMBIOS\/DMI data from file /,
];
/** Complaints dmidecode writes to stderr, which hw-probe's log may hold: the table was broken. */
const COMPLAINT = /^(?:Invalid entry length|Wrong DMI structures|Entry point length too large)/;

/** The block being read and how its lines are indented (dmidecode 2.8 adds one tab). */
interface Open {
  readonly block: DmidecodeBlock;
  readonly indent: string;
}

/**
 * Reads dmidecode's text output (2.x and 3.x; hw-probe's `logs/dmidecode`, serials masked) into
 * the {@link Smbios} section: every structure with its line range, and the decoded views. OEM
 * structures are read from their `Header and Data` bytes. Unknown lines, short hex dumps and a
 * dump that ends inside a structure become diagnostics; the rest is kept. `null` when the text
 * holds no SMBIOS table at all.
 *
 * @public
 */
export function parseDmidecode(text: string, file: string): Parsed<Smbios> {
  const diagnostics = new DiagnosticList(file);
  // A `--dump-bin` file saved under the text log's name: nothing in it can be read as text.
  if (text.includes("\0")) {
    diagnostics.add("HCL_E_EVIDENCE_BINARY", `${file} holds binary data, not dmidecode's text`, {
      expected: "dmidecode's text output",
    });
    return { value: null, diagnostics: diagnostics.done() };
  }
  const lines = splitLines(text);
  const structures: SmbiosStructure[] = [];
  const header: Header = { version: null, announced: null };
  let open: Open | null = null;
  const start = (handle: string, type: string, length: string, n: number, indent: string) => {
    const block = new DmidecodeBlock(
      Number.parseInt(handle, 16),
      Number(type),
      Number(length),
      n,
      file,
      diagnostics,
    );
    return { block, indent };
  };
  const close = (atEnd: boolean): void => {
    const structure = open?.block.close(atEnd) ?? null;
    if (structure !== null) structures.push(structure);
    open = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const n = i + 1;
    // Only an empty line ends a structure: a string of blanks is printed as `\t\t ` (Dell 216).
    if (/^ *$/.test(line)) {
      close(false);
      continue;
    }
    const handle = HANDLE.exec(line);
    const old = handle === null ? OLD_HANDLE.exec(line) : null;
    const oldType = old === null ? null : OLD_TYPE.exec(lines[i + 1] ?? "");
    const [type, length] = handle?.slice(2) ?? oldType?.slice(1) ?? [];
    if (type !== undefined && length !== undefined) {
      close(false);
      if (Number(type) > 255 || Number(length) > 255) {
        diagnostics.add("HCL_E_EVIDENCE_MALFORMED", `impossible structure header "${clip(line)}"`, {
          line: n,
          expected: "a type and a length of at most 255",
        });
      } else if (handle !== null) open = start(handle[1] as string, type, length, n, "");
      else open = start(old?.[1] as string, type, length, n, "\t");
      if (handle === null) i++;
    } else if (open !== null) readBlockLine(open, line, n);
    else open = readOutside(line, n, header, file, diagnostics);
  }
  if (open !== null) {
    const last = structures.length;
    close(true);
    const cut = structures[last];
    if (cut !== undefined && cut.type !== 127)
      diagnostics.add("HCL_E_EVIDENCE_TRUNCATED", "the dump ends inside a structure", {
        line: lines.length,
        expected: "a blank line after every structure",
      });
  }
  return finish(structures, header, file, diagnostics);
}

/** What dmidecode's header says about the table. */
interface Header {
  version: string | null;
  announced: number | null;
}

/**
 * A line outside any structure: dmidecode's header, one of its complaints, a structure whose
 * `Handle` line was lost (opened from its title), or damage.
 */
function readOutside(
  line: string,
  n: number,
  header: Header,
  file: string,
  diagnostics: DiagnosticList,
): Open | null {
  const version = VERSION.exec(line);
  const count = COUNT.exec(line);
  if (version !== null) header.version = version[1] as string;
  else if (count !== null) header.announced = Number(count[1]);
  else if (COMPLAINT.test(line))
    diagnostics.add("HCL_E_EVIDENCE_MALFORMED", `dmidecode reported: ${clip(line)}`, { line: n });
  else if (typeOfName(line) !== null || line === "OEM-specific Type") {
    diagnostics.add(
      "HCL_E_EVIDENCE_MALFORMED",
      `structure "${clip(line)}" has no Handle line; its type is taken from its title`,
      { line: n, expected: "`Handle 0x…, DMI type N, L bytes` before a structure's title" },
    );
    const block = new DmidecodeBlock(null, null, null, n, file, diagnostics);
    block.title(line, n);
    return { block, indent: "" };
  } else if (!INFO.some((re) => re.test(line)))
    diagnostics.add("HCL_E_EVIDENCE_MALFORMED", `unexpected line "${clip(line)}"`, {
      line: n,
      expected: "a `Handle` line, a blank line, or dmidecode's header",
    });
  return null;
}

function readBlockLine(open: Open, raw: string, n: number): void {
  const { block, indent } = open;
  const line = raw.startsWith(indent) ? raw.slice(indent.length) : raw;
  if (line.startsWith("\t\t")) block.item(line.slice(2), n);
  else if (line.startsWith("\t")) {
    const rest = line.slice(1);
    const colon = rest.indexOf(": ");
    if (colon > 0) block.field(rest.slice(0, colon), rest.slice(colon + 2), n);
    else if (rest.endsWith(":") && rest.length > 1 && !rest.startsWith(" "))
      block.field(rest.slice(0, -1), null, n);
    else block.stray(rest, n);
  } else block.title(line, n);
}

function finish(
  structures: SmbiosStructure[],
  { version, announced }: Header,
  file: string,
  diagnostics: DiagnosticList,
): Parsed<Smbios> {
  if (structures.length === 0 && version === null)
    return { value: null, diagnostics: diagnostics.done() };
  const sawEnd = structures.some((s) => s.type === 127);
  const complete = sawEnd || (announced !== null && structures.length >= announced);
  if (!complete && announced !== null)
    diagnostics.add(
      "HCL_E_EVIDENCE_TRUNCATED",
      `the dump holds ${structures.length} of the ${announced} structures announced and no End Of Table`,
    );
  const value = buildSmbios({ version, complete, structures, at: { file } });
  return { value, diagnostics: diagnostics.done() };
}
