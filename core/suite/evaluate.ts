import {
  resolveFact,
  suiteFact,
  type FactSources,
  type ResolvedFact,
  type SuiteFactValue,
} from "./facts.js";
import { conditionList } from "./suite-rules.js";
import type { Condition, Limits, Requirement, Scalar } from "./suite-schema.js";

/** A condition decided on one fact: holds, fails, or cannot tell (the fact is unknown). @public */
export interface ConditionOutcome {
  readonly holds: boolean | null;
  readonly fact: ResolvedFact;
  /** `vtx.enabled = false, expected true`. */
  readonly text: string;
}

/** Every condition of a list decided: holds when all hold, unknown when one is unknown and none fails. @public */
export interface ConditionsOutcome {
  readonly holds: boolean | null;
  readonly outcomes: readonly ConditionOutcome[];
}

/** `true`, `8192 MiB`, `["iwlwifi"]`, `unknown`. @public */
export function showValue(value: SuiteFactValue, unit?: string): string {
  if (value === null) return "unknown";
  if (Array.isArray(value)) return `[${value.join(", ")}]`;
  return unit === undefined ? String(value) : `${String(value)} ${unit}`;
}

/**
 * Decides one condition on a fact. `present: false` is the only validator that holds on an
 * unknown fact; every other needs the evidence to tell. Pure.
 *
 * @public
 */
export function evaluateCondition(c: Condition, sources: FactSources): ConditionOutcome {
  const fact = resolveFact(c.fact, sources);
  const unit = suiteFact(c.fact)?.unit;
  const expected = describeCondition(c);
  const text = `${c.fact} = ${showValue(fact.value, unit)}, expected ${expected}`;
  if (c.present !== undefined && (fact.value === null) === c.present)
    return { holds: false, fact, text };
  if (fact.value === null)
    return { holds: c.present === false && onlyPresent(c) ? true : null, fact, text };
  return { holds: satisfies(c, fact.value), fact, text };
}

function onlyPresent(c: Condition): boolean {
  return (
    c.equals === undefined &&
    c.in === undefined &&
    c.min === undefined &&
    c.max === undefined &&
    c.range === undefined &&
    c.matches === undefined
  );
}

function satisfies(c: Condition, value: Exclude<SuiteFactValue, null>): boolean {
  if (Array.isArray(value)) {
    const member = (v: string): boolean =>
      (c.equals === undefined || c.equals === v) &&
      (c.in === undefined || c.in.includes(v)) &&
      (c.matches === undefined || new RegExp(c.matches, "u").test(v));
    if (c.equals === undefined && c.in === undefined && c.matches === undefined) return true;
    return (c.quantifier ?? "any") === "all" ? value.every(member) : value.some(member);
  }
  const v = value as Scalar;
  if (c.equals !== undefined && c.equals !== v) return false;
  if (c.in !== undefined && !c.in.includes(v)) return false;
  if (typeof v === "number") {
    if (c.min !== undefined && v < c.min) return false;
    if (c.max !== undefined && v > c.max) return false;
    if (c.range !== undefined && (v < c.range[0] || v > c.range[1])) return false;
  }
  if (c.matches !== undefined && !new RegExp(c.matches, "u").test(String(v))) return false;
  return true;
}

/** `true`, `at least 2304 MiB`, `one of 1.2, 2.0`, `any member matching ^iwl`. @public */
export function describeCondition(c: Condition): string {
  const unit = c.unit ?? suiteFact(c.fact)?.unit;
  const u = unit === undefined ? "" : ` ${unit}`;
  const parts: string[] = [];
  if (c.present === true) parts.push("known");
  if (c.present === false) parts.push("unknown");
  if (c.equals !== undefined) parts.push(String(c.equals));
  if (c.in !== undefined) parts.push(`one of ${c.in.join(", ")}`);
  if (c.min !== undefined && c.max !== undefined) parts.push(`${c.min}–${c.max}${u}`);
  else if (c.min !== undefined) parts.push(`at least ${c.min}${u}`);
  else if (c.max !== undefined) parts.push(`at most ${c.max}${u}`);
  if (c.range !== undefined) parts.push(`${c.range[0]}–${c.range[1]}${u}`);
  if (c.matches !== undefined) parts.push(`matching /${c.matches}/`);
  const text = parts.join(" and ");
  if (suiteFact(c.fact)?.type !== "list") return text;
  return `${c.quantifier === "all" ? "every member" : "a member"} to be ${text}`;
}

/** Decides a `when` or `check`: all conditions must hold. Pure. @public */
export function evaluateConditions(
  value: Condition | readonly Condition[] | undefined,
  sources: FactSources,
): ConditionsOutcome {
  const outcomes = conditionList(value).map((c) => evaluateCondition(c, sources));
  const holds = outcomes.some((o) => o.holds === false)
    ? false
    : outcomes.some((o) => o.holds === null)
      ? null
      : true;
  return { holds, outcomes };
}

/** The verdict of a measured value against limits: pass (maybe marginal) or fail, with words. @public */
export interface LimitOutcome {
  readonly pass: boolean;
  readonly marginal: boolean;
  readonly text: string;
}

/**
 * A measurement against its limits and marginal band: below `min` (or above `max`) fails;
 * between the limit and `marginal` passes as marginal.
 *
 * @public
 */
export function judgeMeasurement(value: number, limits: Limits): LimitOutcome {
  const u = ` ${limits.unit}`;
  const shown = `${round(value)}${u}`;
  if (limits.min !== undefined && value < limits.min)
    return { pass: false, marginal: false, text: `${shown}, below the minimum ${limits.min}${u}` };
  if (limits.max !== undefined && value > limits.max)
    return { pass: false, marginal: false, text: `${shown}, above the maximum ${limits.max}${u}` };
  if (limits.marginal !== undefined) {
    if (limits.min !== undefined && value < limits.marginal)
      return {
        pass: true,
        marginal: true,
        text: `${shown}, marginal: between ${limits.min} and ${limits.marginal}${u}`,
      };
    if (limits.max !== undefined && value > limits.marginal)
      return {
        pass: true,
        marginal: true,
        text: `${shown}, marginal: between ${limits.marginal} and ${limits.max}${u}`,
      };
  }
  return { pass: true, marginal: false, text: `${shown}, within limits` };
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 1 : 2);
}

/** The facts a requirement reads (its `when` and its `check`), resolved with their evidence. @public */
export function requirementFacts(r: Requirement, sources: FactSources): readonly ResolvedFact[] {
  const names = [
    ...new Set([...conditionList(r.when), ...conditionList(r.check)].map((c) => c.fact)),
  ];
  return names.map((n) => resolveFact(n, sources));
}
