import { Command, CommanderError, InvalidArgumentError } from "commander";
import { HclError } from "../errors/hcl-error.js";
import { renderError, toHclError } from "../errors/render.js";
import { EXIT } from "../errors/codes.js";
import { printJson, type CliIo, type GlobalOptions } from "./io.js";
import { packageInfo } from "./package-info.js";
import { registerDevicesCommand } from "./commands/devices.js";
import { registerInventoryCommands } from "./commands/inventory.js";
import { registerPluginsCommands } from "./commands/plugins.js";
import { registerBundleCommands } from "./commands/bundle.js";
import { registerHclCommands } from "./commands/hcl.js";
import { registerReportCommands } from "./commands/report.js";
import { registerRunCommands } from "./commands/run.js";
import { registerSuitesCommands } from "./commands/suites.js";

/** Per-invocation state shared by the commands and the error handler. */
export interface CliState {
  /** Set by a command when its output is JSON, so that its error is JSON too. */
  json: boolean;
  /** Set by a command whose success has another exit code (qualification verdicts). */
  exitCode?: number;
}

/**
 * Runs one hclkit command line and returns the exit code (DESIGN.md): commands print their
 * results on stdout, messages and errors on stderr (and, under `--json`, the error as JSON on
 * stdout as well). A user error never shows a stack unless `--debug` is given.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const state: CliState = { json: false };
  const program = buildProgram(io, state);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return state.exitCode ?? EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      const code = commanderExit(error);
      if (code !== undefined) return code;
    }
    const failure = error instanceof CommanderError ? usageError(error) : toHclError(error);
    if (state.json) printJson(io, { error: failure.toJSON() });
    io.stderr.write(renderError(failure, { debug: program.opts<GlobalOptions>().debug === true }));
    return failure.exitCode;
  }
}

function buildProgram(io: CliIo, state: CliState): Command {
  const program = new Command("hclkit")
    .description("Qualify machines against versioned hardware compatibility suites.")
    .version(packageInfo().version, "-V, --version", "print the version and exit")
    .option(
      "--config <file>",
      "configuration file (default: hclkit.config.yaml in this or a parent folder)",
    )
    .option("--ci", "unattended run: a failing plugin aborts the run unless configured otherwise")
    .option("--debug", "show debug messages and stack traces")
    .option(
      "--plugin-timeout <ms>",
      "time bound of one call into plugin code, in milliseconds",
      parsePositiveInt,
    )
    .helpOption("-h, --help", "show help")
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => undefined,
    });
  registerInventoryCommands(program, io, state);
  registerDevicesCommand(program, io, state);
  registerPluginsCommands(program, io, state);
  registerSuitesCommands(program, io, state);
  registerRunCommands(program, io, state);
  registerReportCommands(program, io, state);
  registerBundleCommands(program, io, state);
  registerHclCommands(program, io, state);
  for (const command of program.commands) inheritSettings(command);
  return program;
}

/** Subcommands share the root's error handling and output. */
function inheritSettings(command: Command): void {
  command.exitOverride().showSuggestionAfterError(true);
  for (const sub of command.commands) inheritSettings(sub);
}

/** The exit code for commander's non-error exits (help, version); `undefined` for real errors. */
function commanderExit(error: CommanderError): number | undefined {
  if (error.code === "commander.helpDisplayed" || error.code === "commander.version")
    return EXIT.ok;
  // A command group called without a subcommand prints its help and fails as a usage error.
  if (error.code === "commander.help") return EXIT.usage;
  return undefined;
}

function usageError(error: CommanderError): HclError {
  const message = error.message
    .replace(/^error: /, "")
    .replace(/\s*\(Did you mean (.+)\?\)$/, "; did you mean $1?");
  return new HclError("HCL_E_CLI_USAGE", message, {
    hint: "Run `hclkit --help`, or `hclkit COMMAND --help` for a command's options.",
    details: { commanderCode: error.code },
  });
}

function parsePositiveInt(value: string): number {
  if (!/^[1-9]\d*$/.test(value))
    throw new InvalidArgumentError(
      `expected a positive whole number of milliseconds, found "${value}"`,
    );
  return Number(value);
}
