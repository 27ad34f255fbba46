import type { Diagnostic, SourceRef } from "../common.js";
import { resolveAcpiPath } from "./acpi-path.js";
import { addDeviceId, newDevice, toAcpiDevice, type DeviceBuilder } from "./asl-device.js";
import { MAX_DEPTH, openFrame, type Frame, type PendingFrame } from "./asl-frames.js";
import { splitAslLine, type CommentState } from "./asl-line.js";
import {
  aslArguments,
  aslAssignment,
  aslInteger,
  aslLiteralId,
  aslUid,
  aslUnquote,
} from "./asl-literals.js";
import type { AcpiDevice, AcpiTable } from "./schema.js";

/** A `\_Sx` sleep package found in the namespace. */
export interface SleepObject {
  readonly conditional: boolean;
  readonly at: SourceRef;
}

/** One `DefinitionBlock` read from a section of the dump. */
export interface AslBlock {
  /** The table header the `DefinitionBlock` line gives (signature, revision, OEM ids). */
  readonly table: AcpiTable;
  /** False when the block's closing brace was never reached (a truncated dump). */
  readonly closed: boolean;
}

/** Statements that open a block or declare a name, at the start of a line of code. */
const STATEMENT =
  /^(DefinitionBlock|Device|Scope|Processor|ThermalZone|PowerResource|Method|Name|If|ElseIf|Else|While|Switch|Case|Default)\b/;
const SLEEP_PATH = /^\\_S([0-5])$/;
/** The names `Name (…)` declarations are read for (before padding is removed). */
const KEPT_NAME = /(?:^|[.\\^])_(?:HID|CID|UID|S[0-5])_?$/;

/**
 * The ACPI namespace as disassembled ASL shows it (iasl `-d`): devices with their `_HID`,
 * `_CID` and `_UID`, and the `\_Sx` sleep packages, gathered over the DSDT and every SSDT.
 * One pass over the lines: a stack of open blocks gives each name its absolute path, and marks
 * what is declared inside `If` or a method. `_HID` methods are not run; the literal ids they
 * return or store are their candidates.
 *
 * @public
 */
export class AslNamespace {
  private readonly byPath = new Map<string, DeviceBuilder>();
  private readonly sleep = new Map<string, SleepObject>();

  constructor(
    private readonly file: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** Reads the `DefinitionBlock` in `lines[start, end)`; `null` when there is none. */
  scanBlock(lines: readonly string[], start: number, end: number): AslBlock | null {
    const comments: CommentState = { inComment: false };
    const stack: Frame[] = [];
    let pending: PendingFrame | null = null;
    let table: AcpiTable | null = null;
    let closed = false;
    let closeIndex = end;
    for (let i = start; i < end && !closed; i++) {
      const { code, braces } = splitAslLine(lines[i] as string, comments);
      if (code === "") continue;
      const line = i + 1;
      const frame = stack[stack.length - 1] ?? null;
      if (table === null) {
        if (!code.startsWith("DefinitionBlock")) continue;
        table = this.definitionBlock(code, line);
        pending = { kind: "scope", path: "\\", device: null };
      } else if (frame !== null) {
        // A statement's block may start lines later (iasl wraps long conditions).
        pending = this.statement(code, line, frame) ?? pending;
      }
      for (const brace of braces) {
        if (brace === "{") {
          if (stack.length >= MAX_DEPTH) {
            this.malformed(
              line,
              `blocks nested at most ${MAX_DEPTH} deep; the rest of the block is skipped`,
            );
            i = end;
            break;
          }
          stack.push(openFrame(pending, stack[stack.length - 1] ?? null));
          pending = null;
          continue;
        }
        const done = stack.pop();
        if (done === undefined) {
          this.malformed(line, "a `}` closing an open block");
          continue;
        }
        if (done.kind === "device" && done.device !== null && done.device.endLine === null)
          done.device.endLine = line;
        if (stack.length === 0) {
          closed = true;
          closeIndex = i;
          table.at = { file: this.file, line: table.at.line ?? line, endLine: line };
          break;
        }
      }
    }
    if (closed) this.trailing(lines, closeIndex + 1, end, comments);
    if (table !== null && !closed) {
      this.diagnostics.push({
        code: "HCL_E_EVIDENCE_TRUNCATED",
        file: this.file,
        line: table.at.line,
        message: `${this.file}: the ${table.signature} block starting at line ${table.at.line ?? "?"} ends before its closing brace`,
        expected: "a DefinitionBlock closed by `}`",
      });
    }
    return table === null ? null : { table, closed };
  }

  /** Reports the first code after a block's closing brace, which belongs to no block. */
  private trailing(
    lines: readonly string[],
    from: number,
    end: number,
    comments: CommentState,
  ): void {
    for (let i = from; i < end; i++) {
      if (splitAslLine(lines[i] as string, comments).code === "") continue;
      this.malformed(i + 1, "nothing after the DefinitionBlock's closing brace");
      return;
    }
  }

  /** The devices read so far, in the order they were first declared. */
  devices(): AcpiDevice[] {
    return [...this.byPath.values()].map((device) => toAcpiDevice(device, this.file));
  }

  /** The `\_S0`…`\_S5` packages found, by state (`s3`). */
  sleepObjects(): ReadonlyMap<string, SleepObject> {
    return this.sleep;
  }

  /** Handles one line of code inside a block; answers what a `{` on it or the next line opens. */
  private statement(code: string, line: number, frame: Frame): PendingFrame | null {
    if (frame.kind === "cid" && frame.device !== null) {
      this.packageIds(code, line, frame.device);
      return null;
    }
    if (frame.method === "_HID" || frame.method === "_CID") this.methodValue(code, line, frame);
    else if (code.startsWith("_HID") || code.startsWith("Store"))
      this.storeToHid(code, line, frame);
    const keyword = STATEMENT.exec(code)?.[1];
    switch (keyword) {
      case undefined:
        return null;
      case "Device": {
        const path = resolveAcpiPath(frame.path, aslArguments(code, 2)[0] ?? "");
        return { kind: "device", path, device: this.device(path, line) };
      }
      case "Scope":
      case "Processor":
      case "ThermalZone":
      case "PowerResource": {
        const path = resolveAcpiPath(frame.path, aslArguments(code, 2)[0] ?? "");
        return { kind: "scope", path, device: this.byPath.get(path) ?? null };
      }
      case "Method": {
        const path = resolveAcpiPath(frame.path, aslArguments(code, 2)[0] ?? "");
        return { kind: "method", path, method: path.slice(path.lastIndexOf(".") + 1) };
      }
      case "Name":
        return this.name(code, line, frame);
      case "DefinitionBlock":
        this.malformed(line, "no DefinitionBlock inside another");
        return null;
      default:
        return { kind: "cond" };
    }
  }

  /** `Name (X, value)`: a device's `_HID`/`_CID`/`_UID`, or a `\_Sx` sleep package. */
  private name(code: string, line: number, frame: Frame): PendingFrame | null {
    const [name = "", value = ""] = aslArguments(code, 2);
    if (!KEPT_NAME.test(name)) return null;
    const path = resolveAcpiPath(frame.path, name);
    const sleep = SLEEP_PATH.exec(path);
    if (sleep !== null) {
      const key = `s${sleep[1] as string}`;
      if (!this.sleep.has(key))
        this.sleep.set(key, { conditional: frame.conditional, at: { file: this.file, line } });
      return null;
    }
    const device = frame.device;
    if (device === null || frame.method !== null || frame.path !== device.path) return null;
    const object = path.slice(path.lastIndexOf(".") + 1);
    if (object === "_HID") {
      const id = aslLiteralId(value);
      if (id === null || (device.hid !== null && device.hid !== id)) device.hidDynamic = true;
      if (id !== null) {
        device.hid ??= id;
        this.addId(device, "_HID", id, line);
      }
    } else if (object === "_CID") {
      if (!value.startsWith("Package")) {
        const id = aslLiteralId(value);
        if (id !== null) this.addId(device, "_CID", id, line);
        return null;
      }
      const brace = value.indexOf("{");
      if (brace >= 0) this.packageIds(value.slice(brace), line, device);
      return { kind: "cid" };
    } else if (object === "_UID") {
      device.uid = aslUid(value);
    }
    return null;
  }

  /** In a `_HID`/`_CID` method: the literal of `Return (…)` or of `LocalN = …`. */
  private methodValue(code: string, line: number, frame: Frame): void {
    const device = frame.device;
    if (device === null) return;
    let expression: string | null = null;
    if (code.startsWith("Return")) expression = aslArguments(code, 1)[0] ?? null;
    else {
      const target = aslAssignment(code);
      if (target !== null && /^Local[0-7]$/.test(target.to)) expression = target.value;
    }
    const id = expression === null ? null : aslLiteralId(expression);
    if (id === null) return;
    if (frame.method === "_HID") device.hidDynamic = true;
    this.addId(device, frame.method === "_HID" ? "_HID" : "_CID", id, line);
  }

  /** `_HID = 0x80374D24` (or `Store (…, _HID)`) in a device's method: `_HID` changes at run time. */
  private storeToHid(code: string, line: number, frame: Frame): void {
    const target = aslAssignment(code);
    if (target === null || target.to !== "_HID" || frame.device === null) return;
    frame.device.hidDynamic = true;
    const id = aslLiteralId(target.value);
    if (id !== null) this.addId(frame.device, "_HID", id, line);
  }

  /** The items of a `_CID` package written on this line (`EisaId ("PNP0F13"), "SYN0002"`). */
  private packageIds(code: string, line: number, device: DeviceBuilder): void {
    const items = code.replace(/[{}]/g, "");
    for (const item of items.split(",")) {
      const id = aslLiteralId(item);
      if (id !== null) this.addId(device, "_CID", id, line);
    }
  }

  private addId(device: DeviceBuilder, object: "_HID" | "_CID", id: string, line: number): void {
    addDeviceId(device, object, id, { file: this.file, line });
  }

  private device(path: string, line: number): DeviceBuilder {
    let device = this.byPath.get(path);
    if (device === undefined) {
      device = newDevice(path, line);
      this.byPath.set(path, device);
    }
    return device;
  }

  /** `DefinitionBlock ("", "DSDT", 1, "LENOVO", "TP-6I   ", 0x00001280)` → the table header. */
  private definitionBlock(code: string, line: number): AcpiTable {
    const args = aslArguments(code, 6).map(aslUnquote);
    return {
      signature: args[1] !== undefined && args[1] !== "" ? args[1] : "????",
      revision: aslInteger(args[2]),
      oemId: args[3]?.trimEnd() ?? null,
      oemTableId: args[4]?.trimEnd() ?? null,
      oemRevision: aslInteger(args[5]),
      length: null,
      checksumValid: null,
      fields: {},
      at: { file: this.file, line },
    };
  }

  private malformed(line: number, expected: string): void {
    this.diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file: this.file,
      line,
      message: `${this.file} line ${line}: unexpected ASL; expected ${expected}`,
      expected,
    });
  }
}
