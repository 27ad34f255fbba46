import { createPublicKey } from "node:crypto";
import type { ValidateFunction } from "ajv";
import { stringify } from "yaml";
import { createAjv } from "../../core/schema/ajv.js";
import {
  problem,
  readYamlFile,
  validateYaml,
  type YamlFileKind,
} from "../../core/schema/read-yaml-file.js";
import type { SchemaProblem } from "../../core/schema/problems.js";
import { keyId } from "../report/dsse.js";

/** A signing key the HCL accepts bundles from. @public */
export interface TrustedKey {
  readonly name: string;
  /** SHA-256 of the key's SPKI DER, hex (what signatures name). */
  readonly id: string;
  readonly publicKey: string;
}

/**
 * `hcl.yaml`: the list's name, the suite versions it lists, and what it trusts: signing keys,
 * suite versions (by digest) and plugins (by digest). A bundle made with anything else is refused.
 *
 * @public
 */
export interface HclFile {
  readonly name: string;
  /** Suite versions listed, `id@x.y.z`. */
  readonly suites: readonly string[];
  readonly trust: {
    readonly keys: readonly TrustedKey[];
    readonly suites: readonly {
      readonly id: string;
      readonly version: string;
      readonly digest: string;
    }[];
    readonly plugins: readonly {
      readonly name: string;
      readonly version: string;
      readonly digest: string;
    }[];
  };
}

const DIGEST = { type: "string", pattern: "^sha256:[0-9a-f]{64}$" } as const;

/** JSON Schema of hcl.yaml, published as schemas/hcl.schema.json. @public */
export const hclFileSchema = {
  $id: "https://hclkit.dev/schemas/hcl.schema.json",
  title: "hclkit HCL (hcl.yaml)",
  type: "object",
  required: ["name", "suites", "trust"],
  additionalProperties: false,
  properties: {
    name: { type: "string", minLength: 1 },
    suites: {
      type: "array",
      items: {
        type: "string",
        pattern: "^[a-z0-9]+(-[a-z0-9]+)*@\\d+\\.\\d+\\.\\d+$",
        description: "a suite version such as cvp@1.0.0",
      },
    },
    trust: {
      type: "object",
      required: ["keys", "suites", "plugins"],
      additionalProperties: false,
      properties: {
        keys: {
          type: "array",
          items: {
            type: "object",
            required: ["name", "id", "publicKey"],
            additionalProperties: false,
            properties: {
              name: { type: "string", minLength: 1 },
              id: { type: "string", pattern: "^[0-9a-f]{64}$" },
              publicKey: { type: "string", minLength: 1 },
            },
          },
        },
        suites: {
          type: "array",
          items: {
            type: "object",
            required: ["id", "version", "digest"],
            additionalProperties: false,
            properties: { id: { type: "string" }, version: { type: "string" }, digest: DIGEST },
          },
        },
        plugins: {
          type: "array",
          items: {
            type: "object",
            required: ["name", "version", "digest"],
            additionalProperties: false,
            properties: { name: { type: "string" }, version: { type: "string" }, digest: DIGEST },
          },
        },
      },
    },
  },
} as const;

const KIND: YamlFileKind = {
  noun: "HCL file (hcl.yaml)",
  maxBytes: 4 * 1024 * 1024,
  parseCode: "HCL_E_HCL_INVALID",
  invalidCode: "HCL_E_HCL_INVALID",
  hint: "hcl.yaml has name, suites and trust (keys, suites, plugins); `hclkit hcl trust` edits the trust.",
};

let validator: ValidateFunction<HclFile> | undefined;

function rules(file: HclFile): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  file.trust.keys.forEach((k, i) => {
    try {
      const id = keyId(createPublicKey(k.publicKey));
      if (id !== k.id)
        out.push(problem(["trust", "keys", i, "id"], `found ${k.id}, but the key's id is ${id}`));
    } catch (error) {
      out.push(
        problem(
          ["trust", "keys", i, "publicKey"],
          `not a public key in PEM: ${(error as Error).message}`,
        ),
      );
    }
  });
  return out;
}

/**
 * Reads and validates hcl.yaml.
 *
 * @throws HclError `HCL_E_HCL_INVALID` with file, line and key.
 * @public
 */
export async function readHclFile(file: string): Promise<HclFile> {
  const yaml = await readYamlFile(file, KIND);
  validator ??= createAjv().compile<HclFile>(hclFileSchema as object);
  return validateYaml(yaml, KIND, validator, rules);
}

/** hcl.yaml's text: a schema line for editors, then the document with sorted trust lists. @public */
export function hclFileText(file: HclFile): string {
  const sorted: HclFile = {
    name: file.name,
    suites: [...file.suites].sort(),
    trust: {
      keys: [...file.trust.keys].sort((a, b) => a.id.localeCompare(b.id)),
      suites: [...file.trust.suites].sort((a, b) =>
        `${a.id}@${a.version}`.localeCompare(`${b.id}@${b.version}`),
      ),
      plugins: [...file.trust.plugins].sort(
        (a, b) =>
          `${a.name}@${a.version}`.localeCompare(`${b.name}@${b.version}`) ||
          a.digest.localeCompare(b.digest),
      ),
    },
  };
  return `# yaml-language-server: $schema=https://hclkit.dev/schemas/hcl.schema.json\n${stringify(sorted, { lineWidth: 0 })}`;
}
