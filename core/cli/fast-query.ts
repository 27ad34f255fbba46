// `hclkit hcl query` without the command-line framework: a query is what products and CI jobs
// run most, and must answer in well under 100 ms on a list of 10,000 models (bench/hcl.mjs). Only
// well-formed option lists take this path; anything else (--help, an unknown or repeated option, a
// missing value, an error) goes to the full CLI, so messages and exit codes are the same.
import path from "node:path";

const VALUE_OPTIONS = new Set(["--hcl", "--vendor", "--model", "--feature", "--suite", "--status"]);

/** The query's options, or `null` when the arguments are not a plain, well-formed query. */
export function parseFastQuery(args: readonly string[]): Record<string, string | boolean> | null {
  if (args[0] !== "hcl" || args[1] !== "query") return null;
  const options: Record<string, string | boolean> = {};
  for (let i = 2; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--json" && options["json"] === undefined) options["json"] = true;
    else if (VALUE_OPTIONS.has(arg)) {
      const value = args[i + 1];
      const key = arg.slice(2);
      if (value === undefined || value.startsWith("-") || options[key] !== undefined) return null;
      options[key] = value;
      i++;
    } else return null;
  }
  return typeof options["hcl"] === "string" ? options : null;
}

/** Runs the query and returns the exit code; `null` when the full CLI should (an error to report). */
export async function runFastQuery(
  options: Record<string, string | boolean>,
  cwd: string,
): Promise<number | null> {
  const { readIndex, queryIndex } = await import("../../hcl/list/query.js");
  let rows;
  try {
    rows = queryIndex(readIndex(path.resolve(cwd, options["hcl"] as string)).rows, options);
  } catch {
    return null;
  }
  if (options["json"] === true)
    process.stdout.write(`${JSON.stringify({ results: rows }, null, 2)}\n`);
  else {
    const { renderQuery } = await import("./render-query.js");
    process.stdout.write(renderQuery(rows));
  }
  return 0;
}
