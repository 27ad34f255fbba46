import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import type { Capabilities } from "../../core/capabilities/schema.js";
import { readInventory } from "../../core/inventory/read-inventory.js";
import type { DeviceClass, Evidence } from "../../core/plugin/api.js";
import { BUILTIN_PLUGINS_DIR } from "../../core/plugin/discover.js";
import { identifyMachine, type MachineIdentity } from "../../core/platform/identify-machine.js";
import type { PluginHost } from "../../core/plugin/plugin-host.js";
import { makeHost } from "../helpers/host.js";
import { REPO } from "../helpers/paths.js";

/** The corpus as the tests carry it, and the shared one it was copied from (when present). */
const FIXTURES = path.join(REPO, "test/fixtures/linuxhw");
const SHARED = path.resolve(REPO, "../shared/corpus/linuxhw");

/** Every machine folder: the fixtures, plus machines only the shared corpus has. */
function machines(): { name: string; dir: string }[] {
  const list = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "labels.json")))
          .map((e) => e.name)
      : [];
  const fixtures = list(FIXTURES);
  const extra = list(SHARED).filter((name) => !fixtures.includes(name));
  return [
    ...fixtures.map((name) => ({ name, dir: path.join(FIXTURES, name) })),
    ...extra.map((name) => ({ name, dir: path.join(SHARED, name) })),
  ].sort((a, b) => a.name.localeCompare(b.name));
}

type LabelValue = boolean | number | string | null;

/** What `labels.json` holds (corpus README, "Label schema"). */
interface Labels {
  readonly machine: string;
  readonly labels: {
    readonly tpm: { present: LabelValue; version: LabelValue; vendor: LabelValue };
    readonly txt: { capable: LabelValue; enabled: LabelValue };
    readonly vpro: { amtCapable: LabelValue; amtEnabled: LabelValue };
    readonly esata: { ports: LabelValue };
    readonly cardReaders: LabelValue;
    readonly wifi: LabelValue;
    readonly vtx: { capable: LabelValue; enabled: LabelValue };
    readonly vtd: LabelValue;
    readonly aesni: LabelValue;
    readonly lid: LabelValue;
    readonly s3: LabelValue;
    readonly battery: LabelValue;
  };
  readonly evidence: Record<string, string>;
}

/** One checked label: where it sits in labels.json, what the summary says, which facts decide it. */
interface Check {
  readonly label: string;
  readonly expected: (l: Labels["labels"]) => LabelValue;
  readonly found: (c: Capabilities) => LabelValue;
  readonly cls: DeviceClass;
  /** The deciding fact; `null` for a list (its devices' evidence is shown). */
  readonly fact: string | null;
  /** The key of the label's evidence in labels.json. */
  readonly evidenceKey: string;
}

const count = (list: readonly unknown[] | null) => (list === null ? null : list.length);

const CHECKS: readonly Check[] = [
  {
    label: "tpm.present",
    expected: (l) => l.tpm.present,
    found: (c) => c.tpm.present,
    cls: "tpm",
    fact: "present",
    evidenceKey: "tpm",
  },
  {
    label: "tpm.version",
    expected: (l) => l.tpm.version,
    found: (c) => c.tpm.version,
    cls: "tpm",
    fact: "version",
    evidenceKey: "tpm",
  },
  {
    label: "tpm.vendor",
    expected: (l) => l.tpm.vendor,
    found: (c) => c.tpm.vendor,
    cls: "tpm",
    fact: "vendor",
    evidenceKey: "tpm",
  },
  {
    label: "txt.capable",
    expected: (l) => l.txt.capable,
    found: (c) => c.txt.capable,
    cls: "txt",
    fact: "capable",
    evidenceKey: "txt",
  },
  {
    label: "txt.enabled",
    expected: (l) => l.txt.enabled,
    found: (c) => c.txt.enabled,
    cls: "txt",
    fact: "enabled",
    evidenceKey: "txt",
  },
  {
    label: "vpro.amtCapable",
    expected: (l) => l.vpro.amtCapable,
    found: (c) => c.vpro.amtCapable,
    cls: "vpro",
    fact: "amtCapable",
    evidenceKey: "vpro",
  },
  {
    label: "vpro.amtEnabled",
    expected: (l) => l.vpro.amtEnabled,
    found: (c) => c.vpro.amtEnabled,
    cls: "vpro",
    fact: "amtEnabled",
    evidenceKey: "vpro",
  },
  {
    label: "esata.ports",
    expected: (l) => l.esata.ports,
    found: (c) => c.esata.ports,
    cls: "esata",
    fact: "ports",
    evidenceKey: "esata",
  },
  {
    label: "cardReaders",
    expected: (l) => l.cardReaders,
    found: (c) => count(c.cardReaders),
    cls: "card-reader",
    fact: null,
    evidenceKey: "cardReaders",
  },
  {
    label: "wifi",
    expected: (l) => l.wifi,
    found: (c) => count(c.wifi),
    cls: "wifi",
    fact: null,
    evidenceKey: "wifi",
  },
  {
    label: "vtx.capable",
    expected: (l) => l.vtx.capable,
    found: (c) => c.vtx.capable,
    cls: "virtualization",
    fact: "vtxCapable",
    evidenceKey: "vtx",
  },
  {
    label: "vtx.enabled",
    expected: (l) => l.vtx.enabled,
    found: (c) => c.vtx.enabled,
    cls: "virtualization",
    fact: "vtxEnabled",
    evidenceKey: "vtx",
  },
  {
    label: "vtd",
    expected: (l) => l.vtd,
    found: (c) => c.vtd,
    cls: "virtualization",
    fact: "vtd",
    evidenceKey: "vtd",
  },
  {
    label: "aesni",
    expected: (l) => l.aesni,
    found: (c) => c.aesni,
    cls: "crypto",
    fact: "aesni",
    evidenceKey: "aesni",
  },
  {
    label: "lid",
    expected: (l) => l.lid,
    found: (c) => c.lid,
    cls: "power",
    fact: "lid",
    evidenceKey: "lid",
  },
  {
    label: "s3",
    expected: (l) => l.s3,
    found: (c) => c.s3,
    cls: "power",
    fact: "s3",
    evidenceKey: "s3",
  },
  {
    label: "battery",
    expected: (l) => l.battery,
    found: (c) => c.battery,
    cls: "power",
    fact: "battery",
    evidenceKey: "battery",
  },
];

/**
 * The platform each machine must get: its chipset's vPro platform, or generic-pc for consumer
 * chipsets (HM65) and AMD.
 */
const PLATFORMS: Readonly<Record<string, string>> = {
  "lenovo-thinkpad-t410-2522w5d": "intel-calpella",
  "lenovo-thinkpad-t410-2537pw4": "intel-calpella",
  "hp-elitebook-8440p": "intel-calpella",
  "hp-elitebook-8540p": "intel-calpella",
  "lenovo-thinkpad-t420-4180pbg": "intel-huron-river",
  "fujitsu-lifebook-e751": "intel-huron-river",
  "hp-elitebook-6930p": "intel-montevina",
  "dell-latitude-e6400": "intel-montevina",
  "dell-latitude-e5420": "generic-pc",
  "acer-aspire-5750": "generic-pc",
  "lenovo-g570": "generic-pc",
  "hp-presario-cq57": "generic-pc",
};

function formatEvidence(e: Evidence): string {
  const where =
    e.line === undefined ? e.source : `${e.source}:${e.line}${e.endLine ? `-${e.endLine}` : ""}`;
  return `      ${where}${e.text ? ` "${e.text}"` : ""}${e.note ? ` — ${e.note}` : ""}`;
}

/** What decided a label: the deciding fact's evidence, or each listed device's. */
function decidingEvidence(identity: MachineIdentity, check: Check): string[] {
  const probed = identity.devices.filter((d) => d.device.class === check.cls);
  const coverage = identity.coverage.find((c) => c.class === check.cls);
  const lines = [
    `    driver(s): ${coverage?.drivers.join(", ") || "none"} (${coverage?.state ?? "?"})`,
  ];
  for (const { device } of probed) {
    const evidence =
      check.fact === null ? device.evidence : (device.facts[check.fact]?.evidence ?? []);
    lines.push(`    ${device.id}:`, ...evidence.map(formatEvidence));
  }
  return lines;
}

/** Every label that disagrees with the summary, as a message a person can act on. */
function mismatches(machine: string, labels: Labels, identity: MachineIdentity): string[] {
  const out: string[] = [];
  for (const check of CHECKS) {
    const expected = check.expected(labels.labels);
    if (expected === null) continue;
    const found = check.found(identity.capabilities);
    if (found === expected) continue;
    out.push(
      [
        `${machine}: ${check.label} expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`,
        `    labels.json: ${labels.evidence[check.evidenceKey] ?? "(no evidence)"}`,
        ...decidingEvidence(identity, check),
      ].join("\n"),
    );
  }
  return out;
}

describe("accuracy on the linux-hardware.org corpus (labels.json vs capability summary)", function () {
  this.timeout(120_000);
  let host: PluginHost;
  const identities = new Map<string, MachineIdentity>();

  before(() => {
    host = makeHost({ cwd: REPO, builtinDir: BUILTIN_PLUGINS_DIR }).host;
  });

  async function identify(name: string, dir: string): Promise<MachineIdentity> {
    let identity = identities.get(name);
    if (identity === undefined) {
      identity = await identifyMachine(host, await readInventory({ from: dir, cwd: REPO }));
      identities.set(name, identity);
    }
    return identity;
  }

  it("finds the twelve machines of the corpus", () => {
    expect(machines().map((m) => m.name)).to.include.members(Object.keys(PLATFORMS));
  });

  for (const { name, dir } of machines()) {
    it(`${name}: every non-null label matches`, async () => {
      const labels = JSON.parse(readFileSync(path.join(dir, "labels.json"), "utf8")) as Labels;
      const identity = await identify(name, dir);
      expect(identity.skipped.map((s) => s.error.message)).to.deep.equal([]);
      const wrong = mismatches(name, labels, identity);
      if (wrong.length > 0) expect.fail(`${wrong.length} label(s) wrong:\n${wrong.join("\n\n")}`);
    });

    if (PLATFORMS[name] !== undefined) {
      it(`${name}: chooses platform ${PLATFORMS[name]}`, async () => {
        const identity = await identify(name, dir);
        const chosen = identity.platform?.chosen;
        const why = chosen?.evidence.map((e) => `${e.kind} ${e.id}`).join(", ");
        expect(
          chosen?.plugin,
          `${name}: chose ${chosen?.plugin ?? "none"} (${why ?? ""})`,
        ).to.equal(PLATFORMS[name]);
      });
    }
  }
});

/**
 * Less evidence must make hclkit less sure, never wrong: with any one log of a machine removed,
 * every labelled capability is either the label or unknown (null). This is how the rules are
 * checked beyond the twelve machines they were written against: a machine in the field often
 * comes with fewer logs than the corpus.
 */
describe("accuracy with evidence removed (answers degrade to unknown, never to a wrong value)", function () {
  this.timeout(240_000);
  const made: string[] = [];
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  for (const { name, dir } of machines()) {
    it(`${name}: without any one of its logs, no label is contradicted`, async () => {
      const host = makeHost({ cwd: REPO, builtinDir: BUILTIN_PLUGINS_DIR }).host;
      const labels = JSON.parse(readFileSync(path.join(dir, "labels.json"), "utf8")) as Labels;
      const logs = readdirSync(path.join(dir, "logs"));
      const wrong: string[] = [];
      for (const removed of logs) {
        const copy = mkdtempSync(path.join(os.tmpdir(), "hclkit-degraded-"));
        made.push(copy);
        mkdirSync(path.join(copy, "logs"));
        for (const log of logs.filter((l) => l !== removed))
          copyFileSync(path.join(dir, "logs", log), path.join(copy, "logs", log));
        const identity = await identifyMachine(
          host,
          await readInventory({ from: copy, cwd: REPO }),
        );
        for (const check of CHECKS) {
          const expected = check.expected(labels.labels);
          const found = check.found(identity.capabilities);
          if (expected !== null && found !== null && found !== expected) {
            wrong.push(
              `without logs/${removed}: ${check.label} expected ${JSON.stringify(expected)} or unknown, found ${JSON.stringify(found)}\n${decidingEvidence(identity, check).join("\n")}`,
            );
          }
        }
      }
      if (wrong.length > 0)
        expect.fail(`${name}: ${wrong.length} contradiction(s):\n${wrong.join("\n\n")}`);
    });
  }
});
