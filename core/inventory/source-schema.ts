import Type, { type Static } from "typebox";
import { Nullable } from "./common.js";

/**
 * What the inventory was read from: the kind of evidence, where, which hw-probe logs it held,
 * whether it had a sysroot, and the snapshot's `meta.json` facts.
 *
 * @public
 */
export const InventorySourceSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal("live"), Type.Literal("snapshot"), Type.Literal("file")]),
    location: Type.String(),
    /** hw-probe logs present, by name (`dmidecode`, `lspci_all`…). */
    logs: Type.Array(Type.String()),
    /** True when sysfs/procfs files were available (live, or a snapshot's `sysfs/`). */
    sysroot: Type.Boolean(),
    capturedAt: Nullable(Type.String()),
    capturedBy: Nullable(Type.String()),
    hostname: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
/** @public */
export type InventorySource = Static<typeof InventorySourceSchema>;
