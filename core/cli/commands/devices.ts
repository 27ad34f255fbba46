import type { Command } from "commander";
import { HclError } from "../../errors/hcl-error.js";
import { didYouMean } from "../../errors/suggest.js";
import { DEVICE_CLASSES, type DeviceClass } from "../../plugin/api.js";
import { evidenceRequest, withEvidenceOptions, type EvidenceOptions } from "../evidence-options.js";
import { printJson, type CliIo } from "../io.js";
import type { CliState } from "../main.js";
import { openHost } from "../open-host.js";
import { renderDevices } from "../render-devices.js";

interface DevicesOptions extends EvidenceOptions {
  readonly class?: string;
  readonly json?: boolean;
}

/** `hclkit devices`. */
export function registerDevicesCommand(program: Command, io: CliIo, state: CliState): void {
  withEvidenceOptions(
    program
      .command("devices")
      .description(
        "list the devices the platform's drivers found, with every fact and the evidence behind it",
      ),
  )
    .option("--class <class>", `only devices of one class: ${DEVICE_CLASSES.join(", ")}`)
    .option("--json", "print JSON on stdout")
    .action(async (options: DevicesOptions, command: Command) => {
      state.json = options.json === true;
      const only = options.class === undefined ? undefined : deviceClass(options.class);
      const { inspectMachine } = await import("../../platform/inspect-machine.js");
      const request = evidenceRequest(options, command, io);
      const { inventory, identity } = await inspectMachine(await openHost(io, command), request);
      const devices = identity.devices.filter((d) => only === undefined || d.device.class === only);
      const coverage = identity.coverage.filter((c) => only === undefined || c.class === only);
      if (state.json) {
        printJson(io, {
          platform: inventory.platform,
          coverage,
          devices,
          capabilities: inventory.capabilities,
        });
        return;
      }
      io.stdout.write(renderDevices(inventory.platform, coverage, devices));
    });
}

function deviceClass(value: string): DeviceClass {
  if ((DEVICE_CLASSES as readonly string[]).includes(value)) return value as DeviceClass;
  const guess = didYouMean(value, DEVICE_CLASSES);
  throw new HclError(
    "HCL_E_CLI_USAGE",
    `--class ${value} is not a device class${guess === undefined ? "" : `; did you mean ${guess}?`}`,
    {
      hint: `Device classes: ${DEVICE_CLASSES.join(", ")}.`,
      details: { found: value, expected: DEVICE_CLASSES },
    },
  );
}
