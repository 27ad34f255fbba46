#!/usr/bin/env node
// The hclkit executable. `--version` is answered before anything heavy is loaded (cold start is
// measured in bench/); every other command loads reflect-metadata first, before any module that
// imports tsyringe, then the CLI.
import { packageInfo } from "./package-info.js";

// A reader that stops early (`hclkit inventory --json | head`) closes the pipe: not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

const argv = process.argv.slice(2);
const fastQuery = argv[0] === "hcl" ? (await import("./fast-query.js")).parseFastQuery(argv) : null;
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  process.stdout.write(`${packageInfo().version}\n`);
} else if (
  fastQuery !== null &&
  (await (await import("./fast-query.js")).runFastQuery(fastQuery, process.cwd())) === 0
) {
  process.exitCode = 0;
} else {
  await import("reflect-metadata");
  const { runCli } = await import("./main.js");
  process.exitCode = await runCli(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    stdin: process.stdin,
    stdinIsTTY: process.stdin.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  });
}
