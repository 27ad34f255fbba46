import type { Diagnostic, Parsed } from "../common.js";

/** A state or variant name as the kernel prints them (`freeze`, `mem`, `s2idle`, `deep`). */
const NAME = /^[a-z0-9_-]{1,32}$/;

/**
 * `/sys/power/state` (kernel/power/main.c `state_show`): the sleep states the kernel offers,
 * space-separated (`freeze mem disk`). An empty file means none; a token that is not a state
 * name is reported and skipped.
 *
 * @public
 */
export function parsePowerState(text: string, file: string): Parsed<string[]> {
  const diagnostics: Diagnostic[] = [];
  const states: string[] = [];
  for (const token of tokens(text)) {
    if (NAME.test(token)) states.push(token);
    else diagnostics.push(malformed(file, token, "sleep state names such as freeze, mem, disk"));
  }
  return { value: states, diagnostics };
}

/**
 * `/sys/power/mem_sleep` (kernel/power/main.c `mem_sleep_show`): the variants of "mem",
 * space-separated, the one in use in brackets (`s2idle [deep]`).
 *
 * @public
 */
export function parseMemSleep(
  text: string,
  file: string,
): Parsed<{ options: string[]; current: string | null }> {
  const diagnostics: Diagnostic[] = [];
  const options: string[] = [];
  let current: string | null = null;
  for (const token of tokens(text)) {
    const bracketed = token.length > 2 && token.startsWith("[") && token.endsWith("]");
    const name = bracketed ? token.slice(1, -1) : token;
    if (!NAME.test(name)) {
      diagnostics.push(
        malformed(file, token, "s2idle, shallow or deep, the current one in brackets"),
      );
      continue;
    }
    options.push(name);
    if (bracketed) current = name;
  }
  return { value: { options, current }, diagnostics };
}

function tokens(text: string): string[] {
  return text.split(/\s+/).filter((t) => t !== "");
}

function malformed(file: string, token: string, expected: string): Diagnostic {
  return {
    code: "HCL_E_EVIDENCE_MALFORMED",
    file,
    line: 1,
    message: `${file}: "${token.slice(0, 40)}" is not a sleep state`,
    expected,
  };
}
