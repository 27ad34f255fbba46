import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../inventory/common.js";

const MatchEvidenceSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal("pci"), Type.Literal("smbiosPch"), Type.Literal("fallback")]),
    id: Type.String(),
    at: Nullable(SourceRefSchema),
  },
  { additionalProperties: false },
);

/**
 * The platform chosen for a machine: the plugin, its version and content digest, its score
 * and the evidence that made it win, and the other candidates with their scores.
 *
 * @public
 */
export const PlatformSchema = Type.Object(
  {
    plugin: Type.String(),
    version: Type.String(),
    digest: Type.String(),
    title: Type.String(),
    score: Type.Integer({ minimum: 0 }),
    evidence: Type.Array(MatchEvidenceSchema),
    candidates: Type.Array(
      Type.Object(
        { plugin: Type.String(), score: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
/** @public */
export type Platform = Static<typeof PlatformSchema>;
