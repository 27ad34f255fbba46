import path from "node:path";
import { expect } from "chai";
import { inspectMachine } from "../../../../core/platform/inspect-machine.js";
import { evaluateConditions, judgeMeasurement } from "../../../../core/suite/evaluate.js";
import { findSuite, type LoadedSuite } from "../../../../core/suite/load-suite.js";
import { planSuite } from "../../../../core/suite/plan.js";
import type { MachineFacts as FactSources } from "../../../../core/suite/facts.js";
import { CORPUS, MACHINES } from "../../../helpers/corpus.js";
import { makeHost } from "../../../helpers/host.js";
import { REPO } from "../../../helpers/paths.js";
import { coreCatalog, SHIPPED_SUITES } from "../../../helpers/suites.js";

describe("core/suite/plan", () => {
  const sources = new Map<string, FactSources>();
  let cvp10: LoadedSuite;
  let cvp11: LoadedSuite;

  before(async () => {
    const { host } = makeHost({ cwd: REPO });
    for (const machine of MACHINES) {
      const { inventory, identity } = await inspectMachine(host, {
        from: path.join(CORPUS, machine),
        cwd: REPO,
      });
      sources.set(machine, { inventory, devices: identity.devices });
    }
    const options = { dirs: [SHIPPED_SUITES], cwd: REPO, tests: coreCatalog() };
    cvp10 = await findSuite("cvp@1.0", options);
    cvp11 = await findSuite("cvp@1.1", options);
  });

  const options = {
    live: false,
    allowDisruptive: false,
    tests: coreCatalog(),
    waivers: [],
    today: "2026-11-23",
  };

  it("plans both CVP suites on every corpus machine, the same way twice (pure)", () => {
    for (const [machine, facts] of sources)
      for (const suite of [cvp10, cvp11]) {
        const a = planSuite(suite, facts, options);
        const b = planSuite(suite, facts, options);
        expect(a, machine).to.deep.equal(b);
        expect(a.steps).to.have.length(suite.suite.requirements.length);
        expect(a.counts.included + a.counts.skipped + a.counts.blocked).to.equal(a.steps.length);
      }
  });

  it("explains a T410's plan: live tests blocked on recorded evidence, eSATA test applies, facts with evidence", () => {
    const plan = planSuite(
      cvp10,
      sources.get("lenovo-thinkpad-t410-2537pw4") as FactSources,
      options,
    );
    const step = (id: string) => plan.steps.find((s) => s.requirement === id);
    expect(plan.machine.vendor).to.equal("LENOVO");
    expect(step("crypto.aes-throughput")?.decision).to.equal("blocked");
    expect(step("crypto.aes-throughput")?.reason).to.include("needs the live machine");
    expect(step("memory.capacity")?.decision).to.equal("included");
    expect(step("esata.read-throughput")?.reason).to.include("when holds");
    const vtx = step("cpu.vtx-enabled");
    expect(vtx?.facts[0]?.name).to.equal("vtx.enabled");
    expect(vtx?.facts[0]?.value).to.equal(false);
    expect(vtx?.facts[0]?.evidence.length).to.be.greaterThan(0);
  });

  it("skips a `when` that does not hold and blocks one the evidence cannot decide", () => {
    const facts = sources.get("lenovo-thinkpad-t410-2537pw4") as FactSources;
    const noEsata: FactSources = {
      ...facts,
      inventory: {
        ...facts.inventory,
        capabilities: { ...facts.inventory.capabilities!, esata: { ports: 0 } },
      },
    };
    const unknown: FactSources = {
      ...facts,
      inventory: {
        ...facts.inventory,
        capabilities: { ...facts.inventory.capabilities!, esata: { ports: null } },
      },
    };
    const esata = (f: FactSources) =>
      planSuite(cvp10, f, options).steps.find((s) => s.requirement === "esata.read-throughput");
    expect(esata(noEsata)?.decision).to.equal("skipped");
    expect(esata(noEsata)?.reason).to.equal(
      "when: esata.ports = 0 ports, expected at least 1 ports",
    );
    expect(esata(unknown)?.decision).to.equal("blocked");
  });

  it("blocks disruptive tests unless allowed, live or not", () => {
    const facts = sources.get("lenovo-thinkpad-t410-2537pw4") as FactSources;
    const suspend = (allow: boolean) =>
      planSuite(cvp10, facts, { ...options, live: true, allowDisruptive: allow }).steps.find(
        (s) => s.requirement === "power.suspend-resume",
      );
    expect(suspend(false)?.decision).to.equal("blocked");
    expect(suspend(false)?.reason).to.include("--allow-disruptive");
    expect(suspend(true)?.decision).to.equal("included");
  });

  it("decides conditions on list facts with a quantifier, and unknown facts as undecided", () => {
    const facts = sources.get("lenovo-thinkpad-t410-2537pw4") as FactSources;
    expect(evaluateConditions({ fact: "wifi.drivers", in: ["iwlwifi"] }, facts).holds).to.equal(
      true,
    );
    expect(
      evaluateConditions({ fact: "usb.kinds", equals: "xhci", quantifier: "all" }, facts).holds,
    ).to.equal(false);
    expect(evaluateConditions({ fact: "tpm.enabled", equals: true }, facts).holds).to.equal(null);
    expect(evaluateConditions({ fact: "tpm.enabled", present: false }, facts).holds).to.equal(true);
    expect(
      evaluateConditions(
        [
          { fact: "tpm.enabled", equals: true },
          { fact: "vtx.enabled", equals: true },
        ],
        facts,
      ).holds,
    ).to.equal(false);
  });

  it("judges measurements against limits and the marginal band", () => {
    const min = { min: 60, marginal: 80, unit: "MB/s" };
    expect(judgeMeasurement(59.9, min)).to.include({ pass: false, marginal: false });
    expect(judgeMeasurement(60, min)).to.include({ pass: true, marginal: true });
    expect(judgeMeasurement(80, min)).to.include({ pass: true, marginal: false });
    const max = { max: 0, unit: "sockets" };
    expect(judgeMeasurement(1, max).text).to.equal("1 sockets, above the maximum 0 sockets");
    expect(judgeMeasurement(5, { max: 10, marginal: 8, unit: "ms" })).to.include({
      pass: true,
      marginal: false,
    });
    expect(judgeMeasurement(9, { max: 10, marginal: 8, unit: "ms" })).to.include({
      pass: true,
      marginal: true,
    });
  });
});

describe("core/suite/facts table", () => {
  it("plans the same from a machine and from its resolved fact table", async () => {
    const { factTable } = await import("../../../../core/suite/facts.js");
    const { host } = makeHost({ cwd: REPO });
    const { inventory, identity } = await inspectMachine(host, {
      from: path.join(CORPUS, "hp-elitebook-8440p"),
      cwd: REPO,
    });
    const machine = { inventory, devices: identity.devices };
    const suite = await findSuite("cvp@1.1", {
      dirs: [SHIPPED_SUITES],
      cwd: REPO,
      tests: coreCatalog(),
    });
    const options = {
      live: false,
      allowDisruptive: false,
      tests: coreCatalog(),
      waivers: [],
      today: "2026-11-23",
    };
    const fromMachine = planSuite(suite, machine, options);
    const fromTable = planSuite(suite, { table: factTable(machine, 1000) }, options);
    expect(fromTable).to.deep.equal(fromMachine);
  });
});
