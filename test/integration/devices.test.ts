import path from "node:path";
import { expect } from "chai";
import type { Inventory } from "../../core/inventory/schema.js";
import { runHclkit } from "../helpers/cli.js";
import { REPO } from "../helpers/paths.js";

const machine = (name: string): string => path.join(REPO, "test/fixtures/linuxhw", name);

interface DevicesJson {
  platform: { plugin: string; score: number };
  coverage: { class: string; state: string; drivers: string[] }[];
  devices: {
    plugin: string;
    driver: string;
    device: {
      id: string;
      class: string;
      facts: Record<string, { value: unknown; evidence: { source: string; line?: number }[] }>;
    };
  }[];
}

describe("hclkit devices and the capability summary (built CLI)", () => {
  it("lists a class's devices with each fact and the evidence line behind it", async () => {
    const run = await runHclkit([
      "devices",
      "--from",
      machine("lenovo-thinkpad-t410-2522w5d"),
      "--class",
      "tpm",
      "--json",
    ]);
    expect(run.code, run.stderr).to.equal(0);
    const json = JSON.parse(run.stdout) as DevicesJson;
    expect(json.platform).to.include({ plugin: "intel-calpella", score: 20 });
    expect(json.coverage).to.deep.equal([
      { class: "tpm", state: "known", drivers: ["intel-calpella/tpm.tis12"] },
    ]);
    const [tpm] = json.devices;
    expect(tpm?.device.facts["present"]?.value).to.equal(true);
    expect(tpm?.device.facts["vendor"]?.value).to.equal("STM");
    expect(tpm?.device.facts["vendor"]?.evidence[0]).to.include({ source: "logs/dmidecode" });
  });

  it("shows a person why each fact holds, and the platform that won", async () => {
    const run = await runHclkit([
      "devices",
      "--from",
      machine("hp-elitebook-8440p"),
      "--class",
      "tpm",
    ]);
    expect(run.code).to.equal(0);
    expect(run.stdout).to.match(
      /^Platform {3}intel-calpella 0\.1\.0: .*score 20: PCI 8086:3b07 \(logs\/lspci_all:\d+\); SMBIOS 131 PCH 3b07/m,
    );
    expect(run.stdout).to.match(
      /present +unknown +logs\/acpidump_decoded:\d+ — a TPM device is declared in ACPI but the firmware publishes no TCPA\/TPM2 table/,
    );
  });

  it("refuses an unknown class with exit 2 and the nearest one", async () => {
    const run = await runHclkit(["devices", "--from", machine("lenovo-g570"), "--class", "wfi"]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain(
      "Error: --class wfi is not a device class; did you mean wifi?\nCode: HCL_E_CLI_USAGE",
    );
  });

  it("puts the platform and the capability summary in the inventory, and leaves them out with --raw", async () => {
    const full = JSON.parse(
      (await runHclkit(["inventory", "--from", machine("lenovo-thinkpad-t420-4180pbg"), "--json"]))
        .stdout,
    ) as Inventory;
    expect(full.platform?.plugin).to.equal("intel-huron-river");
    expect(full.capabilities?.vpro).to.include({ amtCapable: true, amtEnabled: true });
    expect(full.capabilities?.cardReaders?.map((r) => `${r.vendorId}:${r.deviceId}`)).to.deep.equal(
      ["1180:e822"],
    );
    const raw = JSON.parse(
      (
        await runHclkit([
          "inventory",
          "--raw",
          "--from",
          machine("lenovo-thinkpad-t420-4180pbg"),
          "--json",
        ])
      ).stdout,
    ) as Inventory;
    expect(raw.platform).to.equal(null);
    expect(raw.capabilities).to.equal(null);
  });

  it("answers unknown, not no, for what a consumer machine's dumps cannot tell", async () => {
    const inv = JSON.parse(
      (await runHclkit(["inventory", "--from", machine("acer-aspire-5750"), "--json"])).stdout,
    ) as Inventory;
    expect(inv.platform?.plugin).to.equal("generic-pc");
    expect(inv.capabilities?.vpro).to.include({ amtCapable: false, amtEnabled: false });
    expect(inv.capabilities?.tpm.enabled).to.equal(null);
    expect(inv.capabilities?.aesni).to.equal(null);
  });
});
