import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import {
  parseIwScan,
  wifiScan,
  wirelessInterfaces,
} from "../../../../../core/run/tests/wifi-scan.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { device, expectRejection, fakeTool, sysDevice, testContext, writeTree } from "./sysroot.js";

/** `iw dev wlan0 scan` output (iw 5.19), three networks, one hidden. */
const SCAN = `BSS 00:1a:2b:3c:4d:5e(on wlan0) -- associated
\tlast seen: 1531.204s [boottime]
\tTSF: 5214869571 usec (0d, 01:26:54)
\tfreq: 2412
\tbeacon interval: 100 TUs
\tcapability: ESS Privacy ShortSlotTime (0x0411)
\tsignal: -45.00 dBm
\tlast seen: 0 ms ago
\tSSID: lab-net
\tSupported rates: 1.0* 2.0* 5.5* 11.0* 6.0 9.0 12.0 18.0 
\tDS Parameter set: channel 1
BSS 02:11:22:33:44:55(on wlan0)
\tfreq: 5180
\tsignal: -70.00 dBm
\tSSID: 
BSS 0A:11:22:33:44:66(on wlan0)
\tfreq: 2437
\tSSID: guest
\tHT operation:
\t\t * primary channel: 6
`;

const INTEL_6200 = device("wifi", "pci-0000:03:00.0", "pci", {
  vendorId: "8086",
  deviceId: "4239",
  name: "Centrino Advanced-N 6200",
});

describe("wifi.scan", () => {
  const tmp = useTmpDirs();
  const savedPath = process.env["PATH"];
  afterEach(() => {
    process.env["PATH"] = savedPath;
  });

  /** A laptop with wired eth0 and wireless wlan0 (PCI, `flags`), and tools in a bin folder on PATH. */
  function laptop(flags: string, tools: Record<string, string>): { root: string; calls: string } {
    const root = tmp();
    const wifiFn = "/sys/devices/pci0000:00/0000:00:1c.1/0000:03:00.0";
    writeTree(root, { [`${wifiFn}/vendor`]: "0x8086\n", [`${wifiFn}/device`]: "0x4239\n" });
    sysDevice(root, `${wifiFn}/net/wlan0`, "/sys/class/net/wlan0", {
      flags,
      "wireless/status": "0x0\n",
    });
    sysDevice(root, "/sys/devices/pci0000:00/0000:00:19.0/net/eth0", "/sys/class/net/eth0", {
      flags: "0x1003\n",
    });
    const bin = path.join(root, "bin");
    const calls = path.join(root, "calls.log");
    for (const [name, script] of Object.entries(tools))
      fakeTool(
        bin,
        name,
        `require("fs").appendFileSync(${JSON.stringify(calls)}, ${JSON.stringify(name)} + " " + process.argv.slice(2).join(" ") + "\\n");\n${script}`,
      );
    writeTree(root, { "/calls.log": "" });
    process.env["PATH"] = bin;
    return { root, calls };
  }

  const printScan = `process.stdout.write(${JSON.stringify(SCAN)});`;

  it("counts the BSS blocks of iw's scan, with their SSIDs", () => {
    expect(parseIwScan(SCAN)).to.deep.equal([
      { bssid: "00:1a:2b:3c:4d:5e", ssid: "lab-net" },
      { bssid: "02:11:22:33:44:55", ssid: null },
      { bssid: "0a:11:22:33:44:66", ssid: "guest" },
    ]);
    expect(parseIwScan("")).to.deep.equal([]);
  });

  it("finds wireless interfaces, those on a WiFi device of the drivers first", () => {
    const { root } = laptop("0x1003\n", {});
    sysDevice(
      root,
      "/sys/devices/pci0000:00/0000:00:1d.7/usb2/2-1/2-1:1.0/net/wlan1",
      "/sys/class/net/wlan1",
      { "wireless/status": "0x0\n" },
    );
    const found = wirelessInterfaces(root, [INTEL_6200]);
    expect(found.map((i) => [i.name, i.device?.id ?? null])).to.deep.equal([
      ["wlan0", "pci-0000:03:00.0"],
      ["wlan1", null],
    ]);
    const byFact = device("wifi", "net-wlan1", "net", { iface: "wlan1" });
    expect(
      wirelessInterfaces(root, [byFact]).map((i) => [i.name, i.device?.id ?? null]),
    ).to.deep.equal([
      ["wlan1", "net-wlan1"],
      ["wlan0", null],
    ]);
  });

  it("brings a down interface up, scans, counts the networks and brings it down again", async () => {
    const { root, calls } = laptop("0x1002\n", { ip: "", iw: printScan });
    const context = testContext(root, { devices: [INTEL_6200] });
    const result = await wifiScan.run(context);
    expect(result.measurements).to.deep.equal([{ name: "networks", value: 3, unit: "networks" }]);
    expect(result.notes).to.deep.equal([
      "iw dev wlan0 scan: 3 networks, 2 with an SSID (Centrino Advanced-N 6200)",
      "wlan0 was down: brought up for the scan, and down again after",
    ]);
    expect(readFileSync(calls, "utf8").split("\n")).to.deep.equal([
      "ip link set wlan0 up",
      "iw dev wlan0 scan",
      "ip link set wlan0 down",
      "",
    ]);
  });

  it("scans an interface that is up without touching it", async () => {
    const { root, calls } = laptop("0x1003\n", { iw: printScan });
    const result = await wifiScan.run(testContext(root, { params: { interface: "wlan0" } }));
    expect(result.measurements[0]?.value).to.equal(3);
    expect(readFileSync(calls, "utf8")).to.equal("iw dev wlan0 scan\n");
  });

  it("skips a machine without a wireless interface", async () => {
    const root = tmp();
    sysDevice(root, "/sys/devices/pci0000:00/0000:00:19.0/net/eth0", "/sys/class/net/eth0", {
      flags: "0x1003\n",
    });
    const result = await wifiScan.run(testContext(root));
    expect(result.skip).to.match(/^no wireless interface in \/sys\/class\/net/);
    const asked = await wifiScan.run(testContext(root, { params: { interface: "eth0" } }));
    expect(asked.skip).to.equal(
      "params.interface eth0 is not a wireless interface in /sys/class/net",
    );
  });

  it("is an error when iw or ip is missing, or the scan fails", async () => {
    const up = laptop("0x1003\n", {});
    await expectRejection(
      wifiScan.run(testContext(up.root)),
      /^iw is not installed: cannot scan for networks$/,
    );

    const down = laptop("0x1002\n", {});
    await expectRejection(
      wifiScan.run(testContext(down.root)),
      /^ip is not installed: cannot bring wlan0 up$/,
    );

    const denied = laptop("0x1003\n", {
      iw: `process.stderr.write("command failed: Operation not permitted (-1)\\n"); process.exit(1);`,
    });
    await expectRejection(
      wifiScan.run(testContext(denied.root)),
      /^iw dev wlan0 scan failed \(failed, exit 1\): command failed: Operation not permitted \(-1\)$/,
    );

    const blocked = laptop("0x1002\n", {
      ip: `process.stderr.write("RTNETLINK answers: Operation not possible due to RF-kill\\n"); process.exit(2);`,
    });
    await expectRejection(
      wifiScan.run(testContext(blocked.root)),
      /due to RF-kill — the radio is blocked \(rfkill\): turn the WiFi switch on$/,
    );
  });
});
