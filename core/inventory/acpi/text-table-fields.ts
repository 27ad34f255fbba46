import { MAX_DRHD_UNITS } from "./binary-table-fields.js";

/**
 * iasl's field names (ACPICA `dmtbinfo*.c`) → the keys of `AcpiTableSchema.fields`, for the
 * tables whose fields are kept. DMAR is a sequence of sub-structures and is read by state.
 */
const NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  FACP: { "PM Profile": "pmProfile", Flags: "flags" },
  TCPA: {
    "Platform Class": "platformClass",
    "Min Event Log Length": "minimumLogLength",
    "Event Log Address": "logAddress",
  },
  TPM2: {
    "Platform Class": "platformClass",
    "Control Address": "controlAddress",
    "Start Method": "startMethod",
    "Minimum Log Length": "minimumLogLength",
    "Log Address": "logAddress",
  },
};

interface Scope {
  readonly type: string;
  bus: string;
  readonly hops: string[];
}

/**
 * Collects the kept fields of one table from iasl's field lines, in order, into the same keys
 * and spellings the binary reader gives (`decodeBinaryFields`): numbers as lower-case hex at the
 * field's width (`Start Method : 07 [Command Response Buffer]` in a 4-byte field → `00000007`).
 *
 * @public
 */
export class TextFieldMapper {
  private readonly out: Record<string, string> = {};
  /** DMAR: the DRHD unit being read (`drhd[n]`), `null` at the top level or in another structure. */
  private unit: string | null = null;
  private units = 0;
  private inSubtable = false;
  /** DMAR: the device scopes of each DRHD unit, by its key; rendered once, at the end. */
  private readonly scopes = new Map<string, Scope[]>();

  constructor(private readonly signature: string) {}

  /** Takes one field line; answers the key it was kept under, or `null`. */
  accept(name: string, value: string, size: number | null): string | null {
    if (this.signature === "DMAR") return this.dmar(name, value, size);
    const key = NAMES[this.signature]?.[name];
    if (key === undefined || key in this.out) return null;
    return this.put(key, hexField(value, size));
  }

  /** The fields kept. */
  fields(): Record<string, string> {
    const out = { ...this.out };
    for (const [unit, scopes] of this.scopes)
      out[`${unit}.scope`] = scopes.map((s) => `${s.type}@${s.bus}:${s.hops.join("/")}`).join(" ");
    return out;
  }

  /** Intel VT-d spec §8: the header, then remapping structures, DRHD (type 0) among them. */
  private dmar(name: string, value: string, size: number | null): string | null {
    if (name === "Subtable Type") {
      this.inSubtable = true;
      this.unit =
        hexNumber(value) === 0 && this.units < MAX_DRHD_UNITS ? `drhd[${this.units++}]` : null;
      if (this.unit === null) return null;
      this.scopes.set(this.unit, []);
      return `${this.unit}.scope`;
    }
    if (!this.inSubtable) {
      if (name === "Host Address Width") return this.put("hostAddressWidth", hexField(value, size));
      if (name === "Flags") return this.put("flags", hexField(value, size));
      return null;
    }
    if (this.unit === null) return null;
    switch (name) {
      case "Flags":
        return this.put(`${this.unit}.flags`, hexField(value, size));
      case "PCI Segment Number":
        return this.put(`${this.unit}.segment`, hexField(value, size));
      case "Register Base Address":
        return this.put(`${this.unit}.address`, hexField(value, size));
      case "Device Scope Type":
        this.scopes.get(this.unit)?.push({ type: hexField(value, 1), bus: "00", hops: [] });
        return `${this.unit}.scope`;
      case "PCI Bus Number": {
        const scope = this.scopes.get(this.unit)?.at(-1);
        if (scope !== undefined) scope.bus = hexField(value, 1);
        return `${this.unit}.scope`;
      }
      case "PCI Path": {
        // "1B,00": device 0x1B, function 0.
        const [device = "", fn = ""] = value.split(",", 2).map((part) => part.trim());
        const scope = this.scopes.get(this.unit)?.at(-1);
        if (
          scope !== undefined &&
          /^[0-9A-Fa-f]{1,2}$/.test(device) &&
          /^[0-9A-Fa-f]{1,2}$/.test(fn)
        )
          scope.hops.push(`${hexField(device, 1)}.${Number.parseInt(fn, 16).toString(16)}`);
        return `${this.unit}.scope`;
      }
      default:
        return null;
    }
  }

  private put(key: string, value: string): string {
    this.out[key] = value;
    return key;
  }
}

/** The value's first token as lower-case hex padded to the field's width, else as written. */
function hexField(value: string, size: number | null): string {
  const token = value.split(" ", 1)[0] ?? "";
  if (!/^[0-9A-Fa-f]+$/.test(token)) return value.trim();
  const lower = token.toLowerCase();
  return size === null ? lower : lower.padStart(size * 2, "0");
}

function hexNumber(value: string): number | null {
  const token = value.split(" ", 1)[0] ?? "";
  return /^[0-9A-Fa-f]{1,8}$/.test(token) ? Number.parseInt(token, 16) : null;
}
