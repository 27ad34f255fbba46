import type { JSONSchemaType } from "ajv";

/** What the host does when a plugin fails to load or to probe. @public */
export type LoadFailurePolicy = "abort" | "continue";

/**
 * `hclkit.config.yaml`: the project's hclkit settings. Every key is optional.
 *
 * @example
 * ```yaml
 * plugins:
 *   - hclkit-plugin-acme          # an installed package
 *   - ./lab/plugins/acme-x1       # a path, relative to this file
 * onLoadFailure:
 *   default: continue
 *   plugins:
 *     hclkit-plugin-acme: abort
 * pluginTimeoutMs: 20000
 * ```
 * @public
 */
export interface HclConfig {
  /** Extra plugins: package names (resolved from the project) or paths (relative to the file). */
  plugins?: string[] | null;
  /** Failure policy: a default, and overrides by plugin name or by the name used in `plugins`. */
  onLoadFailure?: {
    default?: LoadFailurePolicy | null;
    plugins?: Record<string, LoadFailurePolicy> | null;
  } | null;
  /** Time bound of one call into plugin code, in milliseconds. */
  pluginTimeoutMs?: number | null;
  /** The TPM the TPM tests talk to (`--tpm` overrides): `device:/dev/tpmrm0`, `swtpm:HOST:PORT`. */
  tpm?: string | null;
}

const policy = {
  type: "string",
  enum: ["abort", "continue"],
} as const;

/** JSON Schema of {@link HclConfig}; the type and the schema are checked against each other. @public */
export const hclConfigSchema: JSONSchemaType<HclConfig> = {
  $id: "https://hclkit.dev/schemas/hclkit-config.schema.json",
  title: "hclkit configuration (hclkit.config.yaml)",
  type: "object",
  additionalProperties: false,
  properties: {
    plugins: {
      type: "array",
      nullable: true,
      items: { type: "string", minLength: 1 },
      description: "extra plugins: package names or paths",
    },
    onLoadFailure: {
      type: "object",
      nullable: true,
      additionalProperties: false,
      properties: {
        default: { ...policy, nullable: true },
        plugins: {
          type: "object",
          nullable: true,
          required: [],
          additionalProperties: policy,
        },
      },
    },
    pluginTimeoutMs: {
      type: "integer",
      nullable: true,
      minimum: 1,
      maximum: 3_600_000,
      description: "milliseconds between 1 and 3600000",
    },
    tpm: {
      type: "string",
      nullable: true,
      pattern: "^(device:/.+|swtpm:[^:]+:\\d+(:\\d+)?)$",
      description: "a TPM spec: device:/dev/tpmrm0, or swtpm:HOST:PORT[:CTRLPORT]",
    },
  },
};
