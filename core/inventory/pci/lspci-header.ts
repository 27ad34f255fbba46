/**
 * The first line of an lspci `-nn` record, taken apart:
 * `0000:00:1f.0 ISA bridge [0601]: Intel Corporation QM57 … [8086:3b07] (rev 06) (prog-if 01 [AHCI 1.0])`.
 *
 * @public
 */
export interface LspciHeader {
  /** `0000:00:1f.0`, the domain added when the dump omits it. */
  readonly address: string;
  readonly classId: string;
  /** The class name as printed, `null` for lspci's placeholder `Class`. */
  readonly className: string | null;
  /** Vendor and device names as printed, joined (`Intel Corporation QM57 …`). */
  readonly description: string;
  readonly vendorId: string;
  readonly deviceId: string;
  /** `null` when not printed (lspci prints it only when non-zero). */
  readonly revision: string | null;
  /** `null` when not printed. */
  readonly progIf: string | null;
}

/** `[domain:]bus:device.function ` at the start of a record; the domain is 4 hex digits or more. */
const SLOT = /^(?:([0-9a-f]{4,8}):)?([0-9a-f]{2}):([0-9a-f]{2})\.([0-7]) /i;
const CLASS = /\[([0-9a-f]{4})\]: /i;
const IDS = /^\[([0-9a-f]{4}):([0-9a-f]{4})\]$/i;
const REV = /^ \(rev ([0-9a-f]{2})\)$/i;
const PROG_IF = /^([0-9a-f]{2})(?: \[.*\])?$/i;

/** Whether a line starts an lspci record (a slot address at column 0). @public */
export function isLspciHeader(line: string): boolean {
  return SLOT.test(line);
}

/**
 * Takes a header line apart; `null` when it starts with a slot but lacks the `-nn` numbers
 * (`[cccc]` class, `[vvvv:dddd]` IDs). Every step is a bounded slice or an anchored pattern
 * without nested repetition, so long lines cost linear time.
 *
 * @public
 */
export function parseLspciHeader(line: string): LspciHeader | null {
  const slot = SLOT.exec(line);
  if (slot === null) return null;
  const [, domain, bus, device, fn] = slot;
  const rest = line.slice(slot[0].length);
  const cls = CLASS.exec(rest);
  if (cls === null || cls[1] === undefined) return null;
  const className = rest.slice(0, cls.index).trim();
  let tail = rest.slice(cls.index + cls[0].length).trimEnd();

  let progIf: string | null = null;
  const progAt = tail.lastIndexOf(" (prog-if ");
  if (progAt >= 0 && tail.endsWith(")")) {
    const inner = PROG_IF.exec(tail.slice(progAt + " (prog-if ".length, -1));
    if (inner?.[1] !== undefined) {
      progIf = inner[1].toLowerCase();
      tail = tail.slice(0, progAt);
    }
  }
  let revision: string | null = null;
  const rev = REV.exec(tail.slice(-" (rev xx)".length));
  if (rev?.[1] !== undefined) {
    revision = rev[1].toLowerCase();
    tail = tail.slice(0, -" (rev xx)".length);
  }
  const ids = IDS.exec(tail.slice(-"[vvvv:dddd]".length));
  if (ids?.[1] === undefined || ids[2] === undefined) return null;
  return {
    address: `${(domain ?? "0000").toLowerCase()}:${bus}:${device}.${fn}`.toLowerCase(),
    classId: cls[1].toLowerCase(),
    className: className === "" || className === "Class" ? null : className,
    description: tail.slice(0, -"[vvvv:dddd]".length).trim(),
    vendorId: ids[1].toLowerCase(),
    deviceId: ids[2].toLowerCase(),
    revision,
    progIf,
  };
}

/**
 * The IDs at the end of a `Subsystem: Lenovo Device [17aa:2193]` value, and the description
 * before them; `null` without them.
 *
 * @public
 */
export function parseIdPair(
  value: string,
): { description: string; vendorId: string; deviceId: string } | null {
  const text = value.trimEnd();
  const ids = IDS.exec(text.slice(-"[vvvv:dddd]".length));
  if (ids?.[1] === undefined || ids[2] === undefined) return null;
  return {
    description: text.slice(0, -"[vvvv:dddd]".length).trim(),
    vendorId: ids[1].toLowerCase(),
    deviceId: ids[2].toLowerCase(),
  };
}
