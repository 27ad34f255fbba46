import { didYouMean } from "../errors/suggest.js";
import type { SchemaProblem } from "../schema/problems.js";
import {
  invalidError,
  problem,
  readYamlFile,
  type YamlFileKind,
} from "../schema/read-yaml-file.js";
import type { Prompt, Suite } from "../suite/suite-schema.js";

/** An operator's answer, normalized to the prompt's type. @public */
export type Answer = boolean | number | string;

/** Answers by requirement id, with the file they came from. @public */
export interface AnswersFile {
  readonly file: string;
  readonly digest: string;
  readonly answers: ReadonlyMap<string, Answer>;
}

const ANSWERS_KIND: YamlFileKind = {
  noun: "answers file",
  maxBytes: 256 * 1024,
  parseCode: "HCL_E_ANSWERS_PARSE",
  invalidCode: "HCL_E_ANSWERS_INVALID",
  hint: "An answers file maps requirement ids to answers: `power.lid-switch: yes` (confirm), a number, one of the choices, or text.",
};

/**
 * Reads `--answers FILE`: a YAML map from requirement id to answer, each checked against the
 * suite: the requirement must exist and ask a prompt, and the answer must fit its kind.
 *
 * @throws HclError `HCL_E_ANSWERS_PARSE` or `HCL_E_ANSWERS_INVALID`, every problem listed with
 *   `file:line:col`.
 * @public
 */
export async function loadAnswers(file: string, suite: Suite): Promise<AnswersFile> {
  const yaml = await readYamlFile(file, ANSWERS_KIND);
  const value = yaml.source.value;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw invalidError(yaml, ANSWERS_KIND, [
      problem([], "expected a map of requirement id to answer"),
    ]);
  const prompts = new Map(
    suite.requirements.flatMap((r) => (r.prompt === undefined ? [] : [[r.id, r.prompt] as const])),
  );
  const answers = new Map<string, Answer>();
  const problems: SchemaProblem[] = [];
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    const prompt = prompts.get(id);
    if (prompt === undefined) {
      const asked = [...prompts.keys()];
      problems.push(
        problem(
          [id],
          suite.requirements.some((r) => r.id === id)
            ? `requirement ${id} asks no question`
            : `unknown requirement "${id}"; the suite's prompts are ${asked.join(", ")}`,
          didYouMean(id, asked),
        ),
      );
      continue;
    }
    const parsed = parseAnswer(prompt, raw);
    if (parsed.ok) answers.set(id, parsed.value);
    else problems.push(problem([id], parsed.message));
  }
  if (problems.length > 0) throw invalidError(yaml, ANSWERS_KIND, problems);
  return { file, digest: yaml.digest, answers };
}

/** An answer fitted to its prompt, or what was wrong with it. @public */
export type ParsedAnswer =
  { readonly ok: true; readonly value: Answer } | { readonly ok: false; readonly message: string };

/**
 * Fits a raw answer (from YAML or typed at the terminal) to the prompt's kind: confirm takes
 * true/false/yes/no/y/n, number a finite number, choice one of the choices, text any text.
 *
 * @public
 */
export function parseAnswer(prompt: Prompt, raw: unknown): ParsedAnswer {
  const text = typeof raw === "string" ? raw.trim() : raw;
  switch (prompt.kind) {
    case "confirm": {
      if (typeof text === "boolean") return { ok: true, value: text };
      const word = typeof text === "string" ? text.toLowerCase() : "";
      if (["yes", "y", "true"].includes(word)) return { ok: true, value: true };
      if (["no", "n", "false"].includes(word)) return { ok: true, value: false };
      return { ok: false, message: `found ${JSON.stringify(raw)}, expected yes or no` };
    }
    case "number": {
      const n =
        typeof text === "number"
          ? text
          : typeof text === "string" && text !== ""
            ? Number(text)
            : NaN;
      return Number.isFinite(n)
        ? { ok: true, value: n }
        : {
            ok: false,
            message: `found ${JSON.stringify(raw)}, expected a number${prompt.unit ? ` in ${prompt.unit}` : ""}`,
          };
    }
    case "choice": {
      const choice =
        typeof text === "string"
          ? prompt.choices.find((c) => c.toLowerCase() === text.toLowerCase())
          : undefined;
      if (choice !== undefined) return { ok: true, value: choice };
      const guess = typeof text === "string" ? didYouMean(text, prompt.choices) : undefined;
      return {
        ok: false,
        message: `found ${JSON.stringify(raw)}, expected one of ${prompt.choices.join(", ")}${guess === undefined ? "" : `; did you mean "${guess}"?`}`,
      };
    }
    case "text":
      return typeof text === "string" && text !== ""
        ? { ok: true, value: text }
        : { ok: false, message: `found ${JSON.stringify(raw)}, expected some text` };
  }
}

/** Whether an answer passes its prompt, and why. @public */
export function judgeAnswer(prompt: Prompt, answer: Answer): { pass: boolean; text: string } {
  switch (prompt.kind) {
    case "confirm": {
      const expect = prompt.expect ?? true;
      return {
        pass: answer === expect,
        text: `answered ${answer === true ? "yes" : "no"}, expected ${expect ? "yes" : "no"}`,
      };
    }
    case "number": {
      const n = answer as number;
      const unit = prompt.unit === undefined ? "" : ` ${prompt.unit}`;
      if (prompt.min !== undefined && n < prompt.min)
        return { pass: false, text: `answered ${n}${unit}, below ${prompt.min}${unit}` };
      if (prompt.max !== undefined && n > prompt.max)
        return { pass: false, text: `answered ${n}${unit}, above ${prompt.max}${unit}` };
      return { pass: true, text: `answered ${n}${unit}` };
    }
    case "choice":
      return {
        pass: prompt.accept.includes(answer as string),
        text: `answered ${String(answer)}, accepted ${prompt.accept.join(", ")}`,
      };
    case "text":
      return { pass: true, text: `answered ${JSON.stringify(answer)}` };
  }
}
