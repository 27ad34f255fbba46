import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { evidenceRequest, withEvidenceOptions, type EvidenceOptions } from "../evidence-options.js";
import { printJson, type CliIo } from "../io.js";
import type { CliState } from "../main.js";
import { openHost } from "../open-host.js";
import { packageInfo } from "../package-info.js";
import { renderInventory } from "../render-inventory.js";

interface InventoryOptions extends EvidenceOptions {
  readonly json?: boolean;
  readonly raw?: boolean;
}

interface CaptureOptions {
  readonly output?: string;
  readonly root?: string;
  readonly tools: boolean;
}

/** `hclkit inventory` and `hclkit capture`. */
export function registerInventoryCommands(program: Command, io: CliIo, state: CliState): void {
  withEvidenceOptions(
    program
      .command("inventory")
      .description(
        "read this machine's evidence, or recorded evidence, into the inventory, with the platform and the capability summary",
      ),
  )
    .option("--json", "print the inventory as JSON on stdout")
    .option(
      "--raw",
      "the evidence only: no platform match, no capability summary (loads no plugin)",
    )
    .action(async (options: InventoryOptions, command: Command) => {
      state.json = options.json === true;
      const request = evidenceRequest(options, command, io);
      let inventory;
      if (options.raw === true) {
        const { readInventory } = await import("../../inventory/read-inventory.js");
        inventory = await readInventory(request);
      } else {
        const { inspectMachine } = await import("../../platform/inspect-machine.js");
        inventory = (await inspectMachine(await openHost(io, command), request)).inventory;
      }
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
      const { captureMachine } = await import("../../inventory/capture-machine.js");
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
