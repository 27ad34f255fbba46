import Type, { type Static } from "typebox";
import { SourceRefSchema } from "../common.js";

/**
 * Memory as the OS sees it: `MemTotal` of `/proc/meminfo` (or hw-probe's `logs/meminfo`), the
 * usable RAM in KiB — a little less than the installed modules (firmware and kernel reserve
 * some); SMBIOS type 17 gives the modules.
 *
 * @public
 */
export const MemorySchema = Type.Object(
  {
    totalKiB: Type.Integer({ minimum: 0 }),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type Memory = Static<typeof MemorySchema>;
