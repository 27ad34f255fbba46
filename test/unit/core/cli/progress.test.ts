import { expect } from "chai";
import { createProgress } from "../../../../core/cli/progress.js";

function sink() {
  let text = "";
  return {
    write: (s: string) => ((text += s), true),
    text: () => text,
    columns: 100,
    isTTY: true,
    on: () => undefined,
    once: () => undefined,
    removeListener: () => undefined,
  };
}

const result = {
  type: "result",
  index: 2,
  total: 5,
  requirement: "cpu.vtx",
  verdict: "waived",
  raw: "fail",
  reason: "waived by W-1",
  durationMs: 3,
} as const;

describe("core/cli/progress", () => {
  it("draws step N of M, the requirement, elapsed and time left on a terminal, results above", async () => {
    const out = sink();
    const err = sink();
    let now = 0;
    const progress = await createProgress("tty", out, err, () => now);
    now = 65_000;
    progress.event({
      type: "step",
      index: 3,
      total: 5,
      requirement: "tpm.present",
      kind: "check",
      etaMs: 125_000,
    });
    expect(err.text()).to.include("step 3 of 5: tpm.present (check)");
    expect(err.text()).to.include("elapsed 1:05, ~2:05 left");
    progress.event(result);
    expect(err.text()).to.include("~ [2/5] cpu.vtx: waived (raw fail) — waived by W-1");
    progress.stop();
    expect(out.text()).to.equal("");
  });

  it("writes plain lines when not a terminal, and NDJSON on stdout for CI", async () => {
    const err = sink();
    const plain = await createProgress("plain", sink(), err);
    plain.event({ type: "step", index: 1, total: 5, requirement: "x", kind: "check", etaMs: null });
    plain.event(result);
    expect(err.text()).to.equal("~ [2/5] cpu.vtx: waived (raw fail) — waived by W-1\n");
    const out = sink();
    const ndjson = await createProgress("ndjson", out, sink(), () => 0);
    ndjson.event(result);
    expect(JSON.parse(out.text())).to.deep.equal({ ...result, at: "1970-01-01T00:00:00.000Z" });
  });
});
