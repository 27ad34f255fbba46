import { CapabilitiesSchema } from "../../core/capabilities/schema.js";
import { PlatformSchema } from "../../core/platform/schema.js";
import { waiverSchema } from "../../core/suite/waivers.js";
import { VERDICTS } from "../../core/suite/verdicts.js";
import { REPORT_FORMAT } from "./build-report.js";

// The schema of report.json, published as schemas/report.schema.json. Only `npm run generate`
// and the tests load this module (it pulls in TypeBox for the capability and platform parts).

const { $id: _waiverId, ...waiverItem } = waiverSchema;
const text = { type: "string" } as const;
const nullableText = { type: ["string", "null"] } as const;
const verdict = { enum: VERDICTS } as const;
const evidence = {
  type: "object",
  required: ["source"],
  properties: {
    source: text,
    line: { type: "integer", minimum: 1 },
    endLine: { type: "integer", minimum: 1 },
    text,
    note: text,
  },
} as const;
const limits = {
  type: "object",
  required: ["unit"],
  properties: {
    min: { type: "number" },
    max: { type: "number" },
    marginal: { type: "number" },
    unit: text,
    measurement: text,
  },
} as const;

const requirement = {
  type: "object",
  required: [
    "index",
    "requirement",
    "feature",
    "severity",
    "source",
    "kind",
    "raw",
    "verdict",
    "reason",
    "measurements",
    "facts",
    "attempts",
    "startedAt",
    "finishedAt",
  ],
  properties: {
    index: { type: "integer", minimum: 0 },
    requirement: text,
    title: nullableText,
    feature: text,
    severity: { enum: ["must", "should", "may"] },
    source: text,
    kind: { enum: ["check", "test", "prompt", "test+prompt"] },
    raw: verdict,
    verdict,
    reason: text,
    marginal: { type: "boolean" },
    measurements: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "value", "unit"],
        properties: {
          name: text,
          value: { type: "number" },
          unit: text,
          limits: { anyOf: [limits, { type: "null" }] },
          judged: nullableText,
          marginal: { type: "boolean" },
        },
      },
    },
    facts: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "value", "evidence"],
        properties: {
          name: text,
          value: { type: ["boolean", "number", "string", "array", "null"] },
          evidence: { type: "array", items: evidence },
        },
      },
    },
    testFacts: { type: "object" },
    notes: { type: "array", items: text },
    answer: {
      anyOf: [
        { type: "null" },
        {
          type: "object",
          required: ["value", "from"],
          properties: {
            value: { type: ["boolean", "number", "string"] },
            from: { enum: ["terminal", "answers-file"] },
          },
        },
      ],
    },
    waiver: {
      anyOf: [
        { type: "null" },
        { type: "object", required: ["id", "reason", "issuer", "expires", "ticket"] },
      ],
    },
    attempts: {
      type: "array",
      items: {
        type: "object",
        required: ["n", "startedAt", "durationMs", "outcome"],
        properties: {
          n: { type: "integer", minimum: 1 },
          startedAt: text,
          durationMs: { type: "number", minimum: 0 },
          outcome: { enum: [...VERDICTS, "interrupted"] },
          error: { type: "object", required: ["code", "message"] },
        },
      },
    },
    output: nullableText,
    evidence: { type: "array", items: evidence },
    startedAt: text,
    finishedAt: text,
  },
} as const;

/** JSON Schema of report.json. @public */
export const reportSchema = {
  $id: "https://hclkit.dev/schemas/report.schema.json",
  title: "hclkit compatibility report",
  type: "object",
  required: [
    "format",
    "session",
    "system",
    "platform",
    "suite",
    "plugins",
    "capabilities",
    "devices",
    "overall",
    "reasons",
    "counts",
    "features",
    "requirements",
    "waivers",
    "environment",
  ],
  additionalProperties: false,
  properties: {
    format: { const: REPORT_FORMAT },
    session: {
      type: "object",
      required: ["id", "createdAt", "finished", "evidence", "forcedResumes"],
      additionalProperties: false,
      properties: {
        id: text,
        createdAt: text,
        finished: { type: "boolean" },
        evidence: {
          type: "object",
          required: ["kind", "source", "snapshot"],
          additionalProperties: false,
          properties: {
            kind: { enum: ["live", "recorded"] },
            source: text,
            snapshot: nullableText,
          },
        },
        forcedResumes: {
          type: "array",
          items: {
            type: "object",
            required: ["at", "changes"],
            properties: { at: text, changes: { type: "array", items: text } },
          },
        },
      },
    },
    system: {
      type: "object",
      required: ["vendor", "model", "version", "sku", "bios", "chassis"],
      additionalProperties: false,
      properties: {
        vendor: nullableText,
        model: nullableText,
        version: nullableText,
        sku: nullableText,
        bios: {
          type: "object",
          required: ["vendor", "version", "date"],
          additionalProperties: false,
          properties: { vendor: nullableText, version: nullableText, date: nullableText },
        },
        chassis: nullableText,
      },
    },
    platform: { anyOf: [PlatformSchema, { type: "null" }] },
    suite: {
      type: "object",
      required: ["ref", "id", "version", "title", "digest", "file"],
      additionalProperties: false,
      properties: {
        ref: text,
        id: text,
        version: text,
        title: text,
        digest: { type: "string", pattern: "^sha256:[0-9a-f]{64}$" },
        file: text,
      },
    },
    plugins: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "version", "digest"],
        additionalProperties: false,
        properties: { name: text, version: text, digest: text },
      },
    },
    capabilities: { anyOf: [CapabilitiesSchema, { type: "null" }] },
    devices: {
      type: "array",
      items: {
        type: "object",
        required: [
          "plugin",
          "driver",
          "id",
          "class",
          "name",
          "vendorId",
          "deviceId",
          "driverBound",
        ],
        additionalProperties: false,
        properties: {
          plugin: text,
          driver: text,
          id: text,
          class: text,
          name: nullableText,
          vendorId: nullableText,
          deviceId: nullableText,
          driverBound: nullableText,
        },
      },
    },
    overall: { enum: ["certified", "certified-with-restrictions", "not-certified", "incomplete"] },
    reasons: { type: "array", items: text },
    counts: {
      type: "object",
      required: [...VERDICTS],
      additionalProperties: false,
      properties: Object.fromEntries(VERDICTS.map((v) => [v, { type: "integer", minimum: 0 }])),
    },
    features: {
      type: "array",
      items: {
        type: "object",
        required: ["feature", "title", "required", "status", "reasons"],
        additionalProperties: false,
        properties: {
          feature: text,
          title: text,
          required: { type: "boolean" },
          status: { enum: ["supported", "not-supported", "untested"] },
          reasons: { type: "array", items: text },
        },
      },
    },
    requirements: { type: "array", items: requirement },
    waivers: { type: "array", items: waiverItem },
    attestation: {
      type: "object",
      description:
        "present on attested reports: the sha256 PCR values 0-7 a TPM 2.0 quoted with the report's digest",
      required: ["bank", "pcrs", "keyTrust"],
      additionalProperties: false,
      properties: {
        bank: { const: "sha256" },
        pcrs: {
          type: "object",
          additionalProperties: { type: "string", pattern: "^[0-9a-f]{64}$" },
        },
        keyTrust: text,
      },
    },
    provenance: {
      type: "object",
      description:
        "present on merged reports: the sessions, where each result came from, the conflicts",
      required: ["sessions", "results", "conflicts"],
      properties: {
        sessions: { type: "array", items: text },
        results: { type: "object", additionalProperties: text },
        conflicts: {
          type: "array",
          items: { type: "object", required: ["requirement", "verdicts", "kept"] },
        },
      },
    },
    environment: {
      type: "object",
      required: ["hclkit", "node", "kernel", "host"],
      additionalProperties: false,
      properties: { hclkit: text, node: text, kernel: text, host: text },
    },
  },
} as const;
