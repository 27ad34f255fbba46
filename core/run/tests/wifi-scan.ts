import { setTimeout as sleep } from "node:timers/promises";
import { DirectoryFs } from "../../evidence/evidence-fs.js";
import { SysfsReader } from "../../inventory/sysfs/sysfs-reader.js";
import type { Device } from "../../plugin/api.js";
import type { CoreTest } from "./core-test.js";
import { deviceChain, deviceOnChain } from "./device-chain.js";
import { integerParam, stringParam } from "./params.js";
import { firstLine, runCommand, type CommandResult } from "./run-command.js";

/** One network of `iw dev IF scan`. @public */
export interface ScannedNetwork {
  readonly bssid: string;
  /** The first `SSID:` of the block; `null` when none (or hidden: empty). */
  readonly ssid: string | null;
}

const BSS = /^BSS ([0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5})/;
const SSID = /^\s+SSID: ?(.*)$/;

/**
 * The networks of `iw dev IF scan` output: one per `BSS xx:xx:xx:xx:xx:xx(on wlan0)` line, which
 * starts each block (iw scan.c `print_bss_handler`), with the block's SSID.
 *
 * @public
 */
export function parseIwScan(text: string): ScannedNetwork[] {
  const networks: { bssid: string; ssid: string | null }[] = [];
  for (const line of text.split("\n")) {
    const bss = BSS.exec(line);
    if (bss !== null) {
      networks.push({ bssid: (bss[1] as string).toLowerCase(), ssid: null });
      continue;
    }
    const last = networks[networks.length - 1];
    const ssid = SSID.exec(line);
    if (last !== undefined && ssid !== null && last.ssid === null)
      last.ssid = ssid[1] === "" ? null : (ssid[1] as string);
  }
  return networks;
}

/** A wireless interface of `/sys/class/net` and the WiFi device it belongs to. @public */
export interface WirelessInterface {
  readonly name: string;
  /** The WiFi device of the drivers it sits on, when one matches. */
  readonly device: Device | null;
}

/**
 * The wireless interfaces under `root`: `/sys/class/net/*` with `wireless/` (wireless extensions)
 * or `phy80211` (cfg80211), those on a WiFi device of `devices` first — matched by the PCI
 * function or USB device the interface hangs off, or by the device's `interface` fact.
 *
 * @public
 */
export function wirelessInterfaces(root: string, devices: readonly Device[]): WirelessInterface[] {
  const fs = new DirectoryFs(root);
  const sys = new SysfsReader(fs, []);
  const found: WirelessInterface[] = [];
  for (const name of sys.list("/sys/class/net") ?? []) {
    const base = `/sys/class/net/${name}`;
    if (!fs.exists(`${base}/wireless`) && !fs.exists(`${base}/phy80211`)) continue;
    const devicePath = sys.realPath(base);
    const on =
      devicePath === null ? null : deviceOnChain(deviceChain(sys, devicePath), devices, "wifi");
    const byFact = devices.find((d) => d.class === "wifi" && d.facts["interface"]?.value === name);
    found.push({ name, device: on?.device ?? byFact ?? null });
  }
  return found.sort((a, b) => Number(b.device !== null) - Number(a.device !== null));
}

/** IFF_UP in `/sys/class/net/IF/flags` (include/uapi/linux/if.h). */
const IFF_UP = 0x1;

function isUp(root: string, name: string): boolean {
  const flags = new SysfsReader(new DirectoryFs(root), []).value(`/sys/class/net/${name}/flags`);
  if (flags === null || !/^0x[0-9a-fA-F]{1,8}$/.test(flags))
    throw new Error(
      `/sys/class/net/${name}/flags is ${JSON.stringify(flags)}, not the interface's flags in hex`,
    );
  return (Number.parseInt(flags, 16) & IFF_UP) !== 0;
}

function failure(result: CommandResult, what: string): Error {
  if (result.status === "missing")
    return new Error(`${result.command.split(" ")[0] ?? what} is not installed: cannot ${what}`);
  const why = firstLine(result.stderr);
  const rfkill = /rf-?kill/i.test(why)
    ? " — the radio is blocked (rfkill): turn the WiFi switch on"
    : "";
  return new Error(
    `${result.command} failed (${result.status}, exit ${String(result.exitCode)}): ${why}${rfkill}`,
  );
}

/** Scans tried while the device answers busy: right after coming up, or with another scan in flight. */
const SCAN_TRIES = 3;

/**
 * `wifi.scan`: the WiFi adapter finds networks. Brings its interface up when it is down (and
 * down again after), runs `iw dev IF scan`, and counts the networks seen.
 *
 * @public
 */
export const wifiScan: CoreTest = {
  id: "wifi.scan",
  title: "WiFi adapter scans for networks",
  params: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    additionalProperties: false,
    properties: {
      interface: {
        type: "string",
        pattern: "^[^/\\s]{1,15}$",
        description:
          "Wireless interface to scan with (wlan0). Default: the first on a WiFi device the drivers found.",
      },
      scanTimeoutSec: {
        type: "integer",
        minimum: 1,
        maximum: 300,
        description: "Time bound of one `iw scan`, in seconds. Default 30.",
      },
    },
  },
  measures: { name: "networks", unit: "networks" },
  live: true,
  timeoutSec: 180,
  async run(context) {
    const notes: string[] = [];
    const asked = stringParam(context.params, "interface");
    const scanMs = integerParam(context.params, "scanTimeoutSec", 30) * 1000;
    const found = wirelessInterfaces(context.root, context.devices);
    const chosen = asked === undefined ? found[0] : found.find((i) => i.name === asked);
    if (chosen === undefined)
      return {
        measurements: [],
        skip:
          asked === undefined
            ? "no wireless interface in /sys/class/net (none has wireless/ or phy80211): no WiFi adapter with a loaded driver"
            : `params.interface ${asked} is not a wireless interface in /sys/class/net`,
      };
    const { name } = chosen;
    if (chosen.device === null && context.devices.some((d) => d.class === "wifi"))
      notes.push(`${name} is not on one of the WiFi devices the drivers found`);
    const run = (
      argv: [string, ...string[]],
      timeoutMs: number,
      signal = context.signal,
    ): Promise<CommandResult> => runCommand(argv, { timeoutMs, signal });
    const wasUp = isUp(context.root, name);
    if (!wasUp) {
      context.log(`${name} is down: ip link set ${name} up`);
      const up = await run(["ip", "link", "set", name, "up"], 10_000);
      if (up.status !== "ok") throw failure(up, `bring ${name} up`);
      notes.push(`${name} was down: brought up for the scan, and down again after`);
    }
    try {
      const scanOnce = (attempt: number): Promise<CommandResult> => {
        context.log(`iw dev ${name} scan (try ${attempt})`);
        return run(["iw", "dev", name, "scan"], scanMs);
      };
      // "command failed: Device or resource busy (-16)": another scan is running, or the device
      // is still coming up; it answers a moment later.
      const busy = (r: CommandResult): boolean => r.status === "failed" && /\(-16\)/.test(r.stderr);
      let scan = await scanOnce(1);
      for (let attempt = 2; attempt <= SCAN_TRIES && busy(scan); attempt++) {
        await sleep(1000, undefined, { signal: context.signal });
        scan = await scanOnce(attempt);
      }
      if (scan.status !== "ok") throw failure(scan, "scan for networks");
      const networks = parseIwScan(scan.stdout);
      const named = networks.filter((n) => n.ssid !== null).length;
      context.log(`${networks.length} networks (${named} with an SSID)`);
      notes.unshift(
        `iw dev ${name} scan: ${networks.length} networks, ${named} with an SSID${chosen.device === null ? "" : ` (${chosen.device.name ?? chosen.device.id})`}`,
      );
      return {
        measurements: [{ name: "networks", value: networks.length, unit: "networks" }],
        notes,
      };
    } finally {
      // Leave the machine as found, even when the test was stopped.
      if (!wasUp)
        await run(["ip", "link", "set", name, "down"], 10_000, new AbortController().signal);
    }
  },
};
