import type { Command } from "commander";
import type { EvidenceRequest } from "../evidence/open-evidence.js";
import { HclError } from "../errors/hcl-error.js";
import type { CliIo } from "./io.js";

/** The evidence options shared by `inventory` and `devices`. */
export interface EvidenceOptions {
  readonly from?: string;
  readonly root?: string;
}

/** Declares `--from` and `--root` on a command. */
export function withEvidenceOptions(command: Command): Command {
  return command
    .option(
      "--from <path>",
      "a snapshot folder, a snapshot .tar.gz, or one dump file (dmidecode, lspci -vvnn, udevadm export-db, decoded ACPI, hwinfo, cpuinfo)",
    )
    .option("--root <dir>", "root of the live machine's filesystem", "/");
}

/** The evidence request of a command line; `--from` and `--root` exclude each other. */
export function evidenceRequest(
  options: EvidenceOptions,
  command: Command,
  io: CliIo,
): EvidenceRequest {
  if (options.from !== undefined && command.getOptionValueSource("root") === "cli") {
    throw new HclError("HCL_E_CLI_USAGE", "--from and --root cannot be used together", {
      hint: "--from reads recorded evidence; --root reads a live machine mounted elsewhere. Give one of them.",
    });
  }
  return { from: options.from, root: options.root, cwd: io.cwd };
}
