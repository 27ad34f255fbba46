import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";

/**
 * The kernel that produced the evidence. Some evidence means different things on different
 * kernels (kernels 5.6 and newer hide `vmx` when firmware locks VMX off; older ones show it).
 *
 * @public
 */
export const KernelSchema = Type.Object(
  {
    /** The full release string (`5.13.4-zen2-1-zen`), when the evidence has it. */
    release: Nullable(Type.String()),
    /** Major.minor (`5.13`). */
    version: Type.String({ pattern: "^\\d+\\.\\d+$" }),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type Kernel = Static<typeof KernelSchema>;
