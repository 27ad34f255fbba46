import type { ValidateFunction } from "ajv";
import { didYouMean } from "../errors/suggest.js";
import { createAjv } from "../schema/ajv.js";
import { problemsFromAjv, type KeyPath, type SchemaProblem } from "../schema/problems.js";
import { problem } from "../schema/read-yaml-file.js";
import { SUITE_FACT_NAMES, suiteFact } from "./facts.js";
import * as validators from "./suite-validators.generated.js";
import type { Condition, Limits, Prompt, Requirement, Suite } from "./suite-schema.js";
import type { TestCatalog } from "./test-catalog.js";

/** The conditions of a `check` or `when`, as a list. @public */
export function conditionList(
  value: Condition | readonly Condition[] | undefined,
): readonly Condition[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly Condition[]) : [value as Condition];
}

const paramValidators = new Map<string, ValidateFunction>();
/** One Ajv for every test's params: a new instance costs ~15 ms of set-up, a compilation ~1 ms. */
let paramsAjv: ReturnType<typeof createAjv> | undefined;

/**
 * What the suite schema cannot say: unique ids, features and tests that exist (with "did you
 * mean"), params valid for their test, limits and validators that fit, regular expressions that
 * compile. Every problem is returned, none thrown.
 *
 * @public
 */
export function suiteProblems(suite: Suite, tests: TestCatalog): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const featureIds = suite.features.map((f) => f.id);
  duplicates(featureIds).forEach((i) =>
    problems.push(problem(["features", i, "id"], `feature id "${featureIds[i]}" is used twice`)),
  );
  const requirementIds = suite.requirements.map((r) => r.id);
  duplicates(requirementIds).forEach((i) =>
    problems.push(
      problem(["requirements", i, "id"], `requirement id "${requirementIds[i]}" is used twice`),
    ),
  );
  suite.requirements.forEach((r, i) => {
    const at: KeyPath = ["requirements", i];
    if (!featureIds.includes(r.feature))
      problems.push(
        problem(
          [...at, "feature"],
          `unknown feature "${r.feature}"; the suite's features are ${featureIds.join(", ")}`,
          didYouMean(r.feature, featureIds),
        ),
      );
    problems.push(...kindProblems(r, at));
    conditionList(r.when).forEach((c, j) =>
      problems.push(
        ...conditionProblems(c, Array.isArray(r.when) ? [...at, "when", j] : [...at, "when"]),
      ),
    );
    conditionList(r.check).forEach((c, j) =>
      problems.push(
        ...conditionProblems(c, Array.isArray(r.check) ? [...at, "check", j] : [...at, "check"]),
      ),
    );
    if (r.test !== undefined) problems.push(...testProblems(r, at, tests));
    if (r.prompt !== undefined) problems.push(...promptProblems(r.prompt, [...at, "prompt"]));
  });
  const used = new Set(suite.requirements.map((r) => r.feature));
  suite.features.forEach((f, i) => {
    if (!used.has(f.id))
      problems.push(problem(["features", i, "id"], `feature "${f.id}" has no requirement`));
  });
  return problems;
}

function duplicates(ids: readonly string[]): number[] {
  return ids.flatMap((id, i) => (ids.indexOf(id) !== i ? [i] : []));
}

function kindProblems(r: Requirement, at: KeyPath): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  if (r.check === undefined && r.test === undefined && r.prompt === undefined)
    out.push(problem(at, "a requirement needs a check, a test or a prompt; found none"));
  if (r.check !== undefined && (r.test !== undefined || r.prompt !== undefined))
    out.push(
      problem(
        [...at, "check"],
        "a requirement has one of check, test or prompt (a test may add a prompt); found check with another",
      ),
    );
  if (r.test === undefined)
    for (const key of ["params", "limits", "timeoutSec"] as const)
      if (r[key] !== undefined)
        out.push(problem([...at, key], `${key} belongs to a test; this requirement has none`));
  return out;
}

const VALIDATORS = ["equals", "in", "min", "max", "range", "matches", "present"] as const;

/** Problems of one condition: a known fact and validators that fit its type. @public */
export function conditionProblems(c: Condition, at: KeyPath): SchemaProblem[] {
  const fact = suiteFact(c.fact);
  if (fact === undefined)
    return [
      problem([...at, "fact"], `unknown fact "${c.fact}"`, didYouMean(c.fact, SUITE_FACT_NAMES)),
    ];
  const out: SchemaProblem[] = [];
  const given = VALIDATORS.filter((v) => c[v] !== undefined);
  if (given.length === 0)
    out.push(problem(at, `no validator; give one of ${VALIDATORS.join(", ")}`));
  const numeric = fact.type === "number";
  for (const key of ["min", "max", "range"] as const)
    if (c[key] !== undefined && !numeric)
      out.push(problem([...at, key], `${key} needs a number fact; ${c.fact} is a ${fact.type}`));
  if (c.range !== undefined && c.range[0] > c.range[1])
    out.push(
      problem(
        [...at, "range"],
        `found [${c.range[0]}, ${c.range[1]}], expected [low, high] with low ≤ high`,
      ),
    );
  if (c.min !== undefined && c.max !== undefined && c.min > c.max)
    out.push(problem([...at, "min"], `min ${c.min} is above max ${c.max}`));
  if (c.matches !== undefined) {
    if (fact.type !== "string" && fact.type !== "list")
      out.push(
        problem(
          [...at, "matches"],
          `matches needs a string or list fact; ${c.fact} is a ${fact.type}`,
        ),
      );
    try {
      new RegExp(c.matches, "u");
    } catch (error) {
      out.push(
        problem([...at, "matches"], `not a regular expression: ${(error as Error).message}`),
      );
    }
  }
  const scalarType = fact.type === "list" ? "string" : fact.type;
  const check = (value: unknown, path: KeyPath): void => {
    if (typeof value !== scalarType)
      out.push(
        problem(
          path,
          `found ${JSON.stringify(value)}, expected a ${scalarType} (${c.fact} is a ${fact.type})`,
        ),
      );
  };
  if (c.equals !== undefined) check(c.equals, [...at, "equals"]);
  c.in?.forEach((v, k) => check(v, [...at, "in", k]));
  if (c.quantifier !== undefined && fact.type !== "list")
    out.push(
      problem(
        [...at, "quantifier"],
        `quantifier applies to list facts; ${c.fact} is a ${fact.type}`,
      ),
    );
  if (c.unit !== undefined && fact.unit !== undefined && c.unit !== fact.unit)
    out.push(
      problem([...at, "unit"], `found "${c.unit}", expected "${fact.unit}", the unit of ${c.fact}`),
    );
  return out;
}

function testProblems(r: Requirement, at: KeyPath, tests: TestCatalog): SchemaProblem[] {
  const id = r.test as string;
  const info = tests.get(id);
  if (info === undefined)
    return [
      problem(
        [...at, "test"],
        `unknown test "${id}"; known tests are ${tests.ids().join(", ")}`,
        didYouMean(id, tests.ids()),
      ),
    ];
  const out: SchemaProblem[] = [];
  if (info.params !== undefined) {
    let validate =
      paramValidators.get(`${info.origin}:${id}`) ??
      (info.origin === "core" ? precompiledParams(id) : undefined);
    if (validate === undefined) {
      paramsAjv ??= createAjv();
      validate = paramsAjv.compile(info.params);
      paramValidators.set(`${info.origin}:${id}`, validate);
    }
    if (!validate(r.params ?? {}))
      out.push(
        ...problemsFromAjv(validate.errors).map((p) => ({
          ...p,
          path: [...at, "params", ...p.path],
        })),
      );
  }
  if (r.limits !== undefined)
    out.push(...limitProblems(r.limits, [...at, "limits"], info.measures));
  return out;
}

/** The core test's params validator compiled ahead of time, when it is (`npm run generate`). */
function precompiledParams(id: string): ValidateFunction | undefined {
  const found = (validators as Record<string, unknown>)[`params_${id.replace(/[.-]/g, "_")}`];
  return typeof found === "function" ? (found as ValidateFunction) : undefined;
}

function limitProblems(
  l: Limits,
  at: KeyPath,
  measures: { readonly name: string; readonly unit: string } | undefined,
): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  if (l.min === undefined && l.max === undefined)
    out.push(problem(at, "limits need min, max or both"));
  if (l.min !== undefined && l.max !== undefined && l.min > l.max)
    out.push(problem([...at, "min"], `min ${l.min} is above max ${l.max}`));
  if (l.marginal !== undefined) {
    if (l.min !== undefined && l.max !== undefined)
      out.push(
        problem(
          [...at, "marginal"],
          "a marginal band needs a one-sided limit (min or max, not both)",
        ),
      );
    else if (l.min !== undefined && l.marginal <= l.min)
      out.push(
        problem(
          [...at, "marginal"],
          `found ${l.marginal}, expected above min ${l.min} (values from min up to marginal pass as marginal)`,
        ),
      );
    else if (l.max !== undefined && l.marginal >= l.max)
      out.push(
        problem(
          [...at, "marginal"],
          `found ${l.marginal}, expected below max ${l.max} (values from marginal up to max pass as marginal)`,
        ),
      );
  }
  if (l.measurement === undefined && measures !== undefined && l.unit !== measures.unit)
    out.push(
      problem(
        [...at, "unit"],
        `found "${l.unit}", expected "${measures.unit}", the unit of the test's ${measures.name}`,
      ),
    );
  return out;
}

function promptProblems(p: Prompt, at: KeyPath): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const keys = Object.keys(p);
  const allowed: Record<Prompt["kind"], readonly string[]> = {
    confirm: ["kind", "text", "expect"],
    number: ["kind", "text", "unit", "min", "max"],
    choice: ["kind", "text", "choices", "accept"],
    text: ["kind", "text"],
  };
  for (const key of keys)
    if (!allowed[p.kind].includes(key))
      out.push(
        problem(
          [...at, key],
          `${key} does not apply to a ${p.kind} prompt (it takes ${allowed[p.kind].join(", ")})`,
        ),
      );
  if (p.kind === "choice") {
    if (p.choices === undefined || p.accept === undefined)
      out.push(problem(at, "a choice prompt needs choices and accept"));
    else
      p.accept.forEach((a, i) => {
        if (!p.choices.includes(a))
          out.push(
            problem(
              [...at, "accept", i],
              `"${a}" is not one of the choices`,
              didYouMean(a, p.choices),
            ),
          );
      });
  }
  if (p.kind === "number" && p.min !== undefined && p.max !== undefined && p.min > p.max)
    out.push(problem([...at, "min"], `min ${p.min} is above max ${p.max}`));
  return out;
}
