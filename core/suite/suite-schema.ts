import { SUITE_FACT_NAMES } from "./facts.js";

/**
 * How much a requirement weighs, in RFC 2119 words: a failed `must` makes its feature not
 * supported; a failed `should` is reported and leaves the feature supported; `may` is
 * informational.
 *
 * @public
 */
export type Severity = "must" | "should" | "may";

/** A scalar a check compares facts with. @public */
export type Scalar = boolean | number | string;

/**
 * One declarative validator over one fact (DESIGN.md, "Suites"): every key given must hold.
 * There is no expression language. On a `list` fact, `quantifier` says whether `any` member
 * (default) or `all` members must satisfy `equals`/`in`/`matches`.
 *
 * @public
 */
export interface Condition {
  readonly fact: string;
  readonly equals?: Scalar;
  readonly in?: readonly Scalar[];
  readonly min?: number;
  readonly max?: number;
  readonly range?: readonly [number, number];
  readonly matches?: string;
  /** `true`: the evidence must tell (the fact is not unknown); `false`: it must not. */
  readonly present?: boolean;
  readonly quantifier?: "any" | "all";
  /** Unit of min/max/range, for the reader; must equal the fact's unit when both exist. */
  readonly unit?: string;
}

/**
 * Limits of a test's measurement: `min` and/or `max`, and a `marginal` band inside a one-sided
 * limit (a value between `min` and `marginal` passes but is marked marginal).
 *
 * @public
 */
export interface Limits {
  readonly min?: number;
  readonly max?: number;
  readonly marginal?: number;
  readonly unit: string;
  /** The measurement the limits apply to; the test's default measurement when absent. */
  readonly measurement?: string;
}

/** A typed question to the operator, answered on a TTY or from `--answers FILE`. @public */
export type Prompt =
  | { readonly kind: "confirm"; readonly text: string; readonly expect?: boolean }
  | {
      readonly kind: "number";
      readonly text: string;
      readonly unit?: string;
      readonly min?: number;
      readonly max?: number;
    }
  | {
      readonly kind: "choice";
      readonly text: string;
      readonly choices: readonly string[];
      readonly accept: readonly string[];
    }
  | { readonly kind: "text"; readonly text: string };

/** One requirement of a suite: a `check`, a `test` or a `prompt` (a test may ask a prompt too). @public */
export interface Requirement {
  readonly id: string;
  readonly title?: string;
  readonly feature: string;
  readonly severity: Severity;
  /** Why the requirement exists: the need or document it traces to. */
  readonly source: string;
  readonly when?: Condition | readonly Condition[];
  readonly check?: Condition | readonly Condition[];
  readonly test?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly limits?: Limits;
  readonly timeoutSec?: number;
  /** How many times an `error` result is retried (default: the suite's, else 2). */
  readonly retries?: number;
  readonly prompt?: Prompt;
}

/** A feature of the product: a group of requirements certified together. @public */
export interface Feature {
  readonly id: string;
  readonly title: string;
  /** A required feature not supported means not certified; an optional one, restrictions. */
  readonly required: boolean;
  readonly description?: string;
}

/** A qualification suite (DESIGN.md, "Suites"). @public */
export interface Suite {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly description?: string;
  /** Retries of `error` results, for requirements that do not say. */
  readonly retries?: number;
  readonly features: readonly Feature[];
  readonly requirements: readonly Requirement[];
}

const DOTTED = "^[a-z0-9]+([.-][a-z0-9]+)*$";
const KEBAB = "^[a-z0-9]+(-[a-z0-9]+)*$";
const SEMVER = "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?$";
const scalar = { type: ["boolean", "number", "string"] };

const condition = {
  type: "object",
  required: ["fact"],
  additionalProperties: false,
  description: "a validator over one fact: every key given must hold",
  properties: {
    fact: {
      enum: SUITE_FACT_NAMES,
      description: "a fact name (see `hclkit suites facts`)",
    },
    equals: { ...scalar, description: "the fact equals this value" },
    in: { type: "array", minItems: 1, items: scalar, description: "the fact is one of these" },
    min: { type: "number", description: "the fact is at least this" },
    max: { type: "number", description: "the fact is at most this" },
    range: {
      type: "array",
      minItems: 2,
      maxItems: 2,
      items: { type: "number" },
      description: "[low, high], both included",
    },
    matches: { type: "string", minLength: 1, description: "a regular expression the fact matches" },
    present: { type: "boolean", description: "true: the evidence must tell; false: it must not" },
    quantifier: {
      enum: ["any", "all"],
      description: "on a list fact: any member (default) or all members",
    },
    unit: { type: "string", minLength: 1 },
  },
} as const;

const conditions = {
  anyOf: [condition, { type: "array", minItems: 1, items: condition }],
} as const;

const prompt = {
  type: "object",
  required: ["kind", "text"],
  additionalProperties: false,
  properties: {
    kind: { enum: ["confirm", "number", "choice", "text"] },
    text: { type: "string", minLength: 1, description: "the question, as the operator reads it" },
    expect: { type: "boolean", description: "confirm: the answer that passes (default true)" },
    unit: { type: "string", minLength: 1 },
    min: { type: "number" },
    max: { type: "number" },
    choices: { type: "array", minItems: 2, items: { type: "string", minLength: 1 } },
    accept: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } },
  },
} as const;

/**
 * JSON Schema of a suite file, published as `schemas/suite.schema.json`. It checks the shape;
 * the loader then checks what a schema cannot (unique ids, known features and tests, params,
 * validators fitting the fact's type).
 *
 * @public
 */
export const suiteSchema = {
  $id: "https://hclkit.dev/schemas/suite.schema.json",
  title: "hclkit qualification suite",
  type: "object",
  required: ["id", "version", "title", "features", "requirements"],
  additionalProperties: false,
  properties: {
    id: { type: "string", pattern: KEBAB, description: "a kebab-case suite id such as cvp" },
    version: { type: "string", pattern: SEMVER, description: "a semantic version such as 1.0.0" },
    title: { type: "string", minLength: 1 },
    description: { type: "string" },
    retries: { type: "integer", minimum: 0, maximum: 10 },
    features: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["id", "title", "required"],
        additionalProperties: false,
        properties: {
          id: { type: "string", pattern: KEBAB, description: "a kebab-case feature id" },
          title: { type: "string", minLength: 1 },
          required: { type: "boolean" },
          description: { type: "string" },
        },
      },
    },
    requirements: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["id", "feature", "severity", "source"],
        additionalProperties: false,
        properties: {
          id: {
            type: "string",
            pattern: DOTTED,
            description: "a dotted lower-case id such as cpu.vtx",
          },
          title: { type: "string", minLength: 1 },
          feature: { type: "string", description: "the id of one of the suite's features" },
          severity: { enum: ["must", "should", "may"] },
          source: {
            type: "string",
            minLength: 1,
            description: "why the requirement exists (traceability)",
          },
          when: conditions,
          check: conditions,
          test: {
            type: "string",
            pattern: DOTTED,
            description: "an active test id (see `hclkit suites tests`)",
          },
          params: { type: "object" },
          limits: {
            type: "object",
            required: ["unit"],
            additionalProperties: false,
            properties: {
              min: { type: "number" },
              max: { type: "number" },
              marginal: { type: "number" },
              unit: { type: "string", minLength: 1 },
              measurement: { type: "string", minLength: 1 },
            },
          },
          timeoutSec: { type: "number", exclusiveMinimum: 0, maximum: 86400 },
          retries: { type: "integer", minimum: 0, maximum: 10 },
          prompt,
        },
      },
    },
  },
} as const;
