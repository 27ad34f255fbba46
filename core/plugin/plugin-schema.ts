import { DEVICE_CLASSES } from "./api.js";

const KEBAB = "^[a-z0-9]+(-[a-z0-9]+)*$";
const DOTTED = "^[a-z0-9]+([.-][a-z0-9]+)*$";
// semver.org 2.0.0, the recommended regular expression.
const SEMVER =
  "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$";

const activeTestSchema = {
  type: "object",
  required: ["id", "title", "run"],
  additionalProperties: false,
  properties: {
    id: {
      type: "string",
      pattern: DOTTED,
      description: "a dotted lower-case id such as storage.read-throughput",
    },
    title: { type: "string", minLength: 1 },
    live: { type: "boolean" },
    timeoutSec: { type: "number", exclusiveMinimum: 0, maximum: 86400 },
    run: { callable: true, description: "a function (context) => ActiveTestResult" },
  },
} as const;

const driverSchema = {
  type: "object",
  required: ["id", "class", "probe"],
  additionalProperties: false,
  properties: {
    id: {
      type: "string",
      pattern: DOTTED,
      description: "a lower-case id such as amt or tpm.tis12",
    },
    class: { enum: DEVICE_CLASSES },
    title: { type: "string", minLength: 1 },
    probe: { callable: true, description: "a function (context) => Device[]" },
    tests: { type: "array", items: activeTestSchema },
  },
} as const;

/**
 * JSON Schema of a platform plugin object (the `definePlatformPlugin` argument). Function
 * members are checked by the `callable` keyword, since JSON Schema has no function type.
 *
 * @public
 */
export const platformPluginSchema = {
  type: "object",
  required: ["name", "version", "apiVersion", "platform", "drivers"],
  additionalProperties: false,
  properties: {
    name: {
      type: "string",
      pattern: KEBAB,
      maxLength: 64,
      description: "a kebab-case name such as intel-calpella",
    },
    version: { type: "string", pattern: SEMVER, description: "a semantic version such as 1.0.0" },
    apiVersion: { type: "integer" },
    platform: {
      type: "object",
      required: ["title", "match"],
      additionalProperties: false,
      properties: {
        title: { type: "string", minLength: 1 },
        match: {
          type: "object",
          additionalProperties: false,
          properties: {
            pci: {
              type: "array",
              items: {
                type: "string",
                pattern: "^[0-9a-f]{4}:[0-9a-f]{4}$",
                description: "a lower-case PCI id vendor:device such as 8086:3b07",
              },
            },
            smbiosPch: {
              type: "array",
              items: {
                type: "string",
                pattern: "^[0-9a-f]{4}$",
                description: "a lower-case PCH device id such as 3b07",
              },
            },
            fallback: { type: "boolean" },
          },
        },
      },
    },
    drivers: { type: "array", items: driverSchema },
  },
} as const;

const evidenceSchema = {
  type: "object",
  required: ["source"],
  additionalProperties: false,
  properties: {
    source: { type: "string", minLength: 1 },
    line: { type: "integer", minimum: 1 },
    endLine: { type: "integer", minimum: 1 },
    text: { type: "string" },
    note: { type: "string" },
  },
} as const;

const nullableString = { type: ["string", "null"] } as const;

/**
 * JSON Schema of one device returned by a probe; a probe's whole result is an array of these.
 *
 * @public
 */
export const deviceSchema = {
  type: "object",
  required: [
    "id",
    "class",
    "bus",
    "vendorId",
    "deviceId",
    "subsystemVendorId",
    "subsystemDeviceId",
    "driver",
    "name",
    "facts",
    "evidence",
  ],
  additionalProperties: false,
  properties: {
    id: { type: "string", minLength: 1 },
    class: { enum: DEVICE_CLASSES },
    bus: { type: "string", minLength: 1 },
    vendorId: nullableString,
    deviceId: nullableString,
    subsystemVendorId: nullableString,
    subsystemDeviceId: nullableString,
    driver: nullableString,
    name: nullableString,
    facts: {
      type: "object",
      additionalProperties: {
        type: "object",
        required: ["value", "evidence"],
        additionalProperties: false,
        properties: {
          value: { description: "true, false, a value, or null for unknown" },
          evidence: { type: "array", items: evidenceSchema },
        },
      },
    },
    evidence: { type: "array", items: evidenceSchema },
  },
} as const;
