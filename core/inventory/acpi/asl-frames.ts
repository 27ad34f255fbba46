import type { DeviceBuilder } from "./asl-device.js";

/**
 * What a `{` opens: a device's declaration, another named scope (`Scope`, `Processor`, the
 * `DefinitionBlock` root), a method, a conditional, a `_CID` package, or data.
 *
 * @public
 */
export type FrameKind = "device" | "scope" | "method" | "cond" | "cid" | "data";

/** One open block of disassembled ASL, with what its contents inherit from it. @public */
export interface Frame {
  readonly kind: FrameKind;
  /** Absolute path that names inside resolve against. */
  readonly path: string;
  /** The device whose objects this block declares, if any. */
  readonly device: DeviceBuilder | null;
  /** The method this block is part of (`_HID`), if any. */
  readonly method: string | null;
  /** Inside `If`/`Else`/… or a method: objects here exist only if the firmware runs that code. */
  readonly conditional: boolean;
}

/** What the statement before a `{` says that block is. @public */
export type PendingFrame = Pick<Frame, "kind"> & Partial<Pick<Frame, "path" | "device" | "method">>;

/**
 * Deepest nesting of blocks read. Firmware ASL nests a few tens of levels (scopes, devices,
 * methods, conditions, packages); deeper text is not a real namespace, and reading it would cost
 * time in the depth.
 *
 * @public
 */
export const MAX_DEPTH = 256;

const ROOT: Frame = { kind: "scope", path: "\\", device: null, method: null, conditional: false };

/**
 * The block a `{` opens, given the statement before it (`null`: data such as a package or a
 * resource template) and the block it is in (`null`: the DefinitionBlock's own brace).
 *
 * @public
 */
export function openFrame(pending: PendingFrame | null, parent: Frame | null): Frame {
  const base = parent ?? ROOT;
  const kind = pending?.kind ?? "data";
  switch (kind) {
    case "device":
    case "scope":
      return {
        kind,
        path: pending?.path ?? base.path,
        device: pending?.device ?? null,
        method: null,
        conditional: base.conditional,
      };
    case "method":
      return {
        kind,
        path: pending?.path ?? base.path,
        device: base.device,
        method: pending?.method ?? null,
        conditional: true,
      };
    case "cond":
      return { ...base, kind, conditional: true };
    default:
      return { ...base, kind };
  }
}
