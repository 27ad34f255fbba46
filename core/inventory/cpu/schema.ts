import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";

/**
 * The processor as the OS sees it: from `/proc/cpuinfo` (live, `logs/cpuinfo`) or hwinfo's CPU
 * entries. `flags` are the kernel's feature names (`vmx`, `smx`, `aes`, `svm`…) — the flag list
 * of the first processor, since the kernel clears a flag on all of them alike.
 *
 * @public
 */
export const CpuSchema = Type.Object(
  {
    vendor: Nullable(Type.String()),
    model: Nullable(Type.String()),
    family: Nullable(Type.Integer()),
    modelNumber: Nullable(Type.Integer()),
    stepping: Nullable(Type.Integer()),
    flags: Nullable(Type.Array(Type.String())),
    /** Physical cores over all packages. */
    cores: Nullable(Type.Integer({ minimum: 1 })),
    /** Logical processors. */
    threads: Nullable(Type.Integer({ minimum: 1 })),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type Cpu = Static<typeof CpuSchema>;
