import { createInterface } from "node:readline/promises";
import { parseAnswer, type Answer } from "../run/answers.js";
import type { Asker } from "../run/runner.js";
import type { Prompt } from "../suite/suite-schema.js";
import type { TextSink } from "../log/logger.js";

function hintOf(prompt: Prompt): string {
  switch (prompt.kind) {
    case "confirm":
      return "yes/no";
    case "number":
      return prompt.unit === undefined ? "a number" : `a number in ${prompt.unit}`;
    case "choice":
      return prompt.choices.join("/");
    case "text":
      return "text";
  }
}

/**
 * Asks prompts on the terminal: the question, the kind of answer expected, and again until the
 * answer fits; `later` (or end of input) leaves the prompt pending for `hclkit resume`.
 */
export function askOnTerminal(
  input: NodeJS.ReadableStream,
  output: TextSink,
  pause: () => void,
): Asker {
  return async (prompt, requirement) => {
    pause();
    const rl = createInterface({ input, output: output as NodeJS.WritableStream, terminal: true });
    // End of input (Ctrl-D, a closed pipe) leaves the prompt pending rather than waiting forever.
    const closed = new Promise<null>((resolve) => rl.once("close", () => resolve(null)));
    try {
      output.write(`\n${requirement.id}: ${prompt.text}\n`);
      for (;;) {
        let raw: string;
        try {
          const line = await Promise.race([
            rl.question(`  answer (${hintOf(prompt)}, or "later"): `),
            closed,
          ]);
          if (line === null) return null;
          raw = line;
        } catch {
          return null;
        }
        if (raw.trim().toLowerCase() === "later") return null;
        const parsed = parseAnswer(prompt, raw);
        if (parsed.ok) return parsed.value satisfies Answer;
        output.write(`  ${parsed.message}\n`);
      }
    } finally {
      rl.close();
    }
  };
}
