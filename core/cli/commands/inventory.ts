import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { HclError } from "../../errors/hcl-error.js";
import { printJson, type CliIo } from "../io.js";
import type { CliState } from "../main.js";
import { packageInfo } from "../package-info.js";
import { renderInventory } from "../render-inventory.js";

interface InventoryOptions {
  readonly from?: string;
  readonly root?: string;
  readonly json?: boolean;
}

interface CaptureOptions {
  readonly output?: string;
  readonly root?: string;
  readonly tools: boolean;
}

/** `hclkit inventory` and `hclkit capture`. */
export function registerInventoryCommands(program: Command, io: CliIo, state: CliState): void {
  program
    .command("inventory")
    .description(
      "read this machine's evidence, or recorded evidence, into the normalized inventory",
    )
    .option(
      "--from <path>",
      "a snapshot folder, a snapshot .tar.gz, or one dump file (dmidecode, lspci -vvnn, udevadm export-db, decoded ACPI, hwinfo, cpuinfo)",
    )
    .option("--root <dir>", "root of the live machine's filesystem", "/")
    .option("--json", "print the inventory as JSON on stdout")
    .action(async (options: InventoryOptions, command: Command) => {
      state.json = options.json === true;
      if (options.from !== undefined && command.getOptionValueSource("root") === "cli") {
        throw new HclError("HCL_E_CLI_USAGE", "--from and --root cannot be used together", {
          hint: "--from reads recorded evidence; --root reads a live machine mounted elsewhere. Give one of them.",
        });
      }
      const { readInventory } = await import("../../inventory/read-inventory.js");
      const inventory = await readInventory({
        from: options.from,
        root: options.root,
        cwd: io.cwd,
      });
      if (state.json) printJson(io, inventory);
      else io.stdout.write(renderInventory(inventory));
    });

  program
    .command("capture")
    .description(
      "write a snapshot of this machine: the sysfs/procfs files hclkit reads, tool logs and meta.json, as one .tar.gz",
    )
    .option(
      "-o, --output <file>",
      "the .tar.gz to write (default: hclkit-snapshot-HOST-TIME.tar.gz here)",
    )
    .option("--root <dir>", "root of the live machine's filesystem", "/")
    .option("--no-tools", "do not run dmidecode, lspci, lsusb and udevadm for their logs")
    .action(async (options: CaptureOptions) => {
      const out = path.resolve(io.cwd, options.output ?? defaultName());
      const { captureMachine } = await import("../../inventory/read-inventory.js");
      const result = await captureMachine({
        root: path.resolve(io.cwd, options.root ?? "/"),
        out,
        hclkitVersion: packageInfo().version,
        tools: options.tools,
      });
      const logs = result.tools
        .filter((t) => t.status === "ok")
        .map((t) => t.command.split(" ")[0]);
      const skipped = result.tools
        .filter((t) => t.status !== "ok")
        .map((t) => `${t.command.split(" ")[0]} (${t.status}${t.error ? `: ${t.error}` : ""})`);
      io.stdout.write(`${result.file}\n`);
      io.stderr.write(
        `captured ${result.sysfsFiles} sysfs/procfs files; logs from ${logs.join(", ") || "no tool"}${skipped.length ? `; not run: ${skipped.join(", ")}` : ""}\n`,
      );
    });
}

function defaultName(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  return `hclkit-snapshot-${os.hostname()}-${stamp}.tar.gz`;
}
