import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import fc from "fast-check";
import { judgeAnswer, loadAnswers, parseAnswer } from "../../../../core/run/answers.js";
import type { HclError } from "../../../../core/errors/hcl-error.js";
import type { Suite } from "../../../../core/suite/suite-schema.js";
import { useTmpDirs } from "../../../helpers/tmp.js";

const suite = {
  id: "s",
  version: "1.0.0",
  title: "S",
  features: [{ id: "f", title: "F", required: true }],
  requirements: [
    {
      id: "lid",
      feature: "f",
      severity: "must",
      source: "x",
      prompt: { kind: "confirm", text: "Lid?" },
    },
    {
      id: "nits",
      feature: "f",
      severity: "must",
      source: "x",
      prompt: { kind: "number", text: "Brightness?", unit: "nits", min: 200 },
    },
    {
      id: "port",
      feature: "f",
      severity: "must",
      source: "x",
      prompt: { kind: "choice", text: "Port?", choices: ["VGA", "DP"], accept: ["DP"] },
    },
    {
      id: "vtx",
      feature: "f",
      severity: "must",
      source: "x",
      check: { fact: "vtx.enabled", equals: true },
    },
  ],
} as unknown as Suite;

describe("core/run/answers", () => {
  const tmp = useTmpDirs();

  it("fits answers to their prompt's kind", () => {
    const confirm = { kind: "confirm", text: "?" } as const;
    expect(parseAnswer(confirm, "Yes")).to.deep.equal({ ok: true, value: true });
    expect(parseAnswer(confirm, false)).to.deep.equal({ ok: true, value: false });
    expect(parseAnswer(confirm, "perhaps").ok).to.equal(false);
    expect(parseAnswer({ kind: "number", text: "?" }, " 12.5 ")).to.deep.equal({
      ok: true,
      value: 12.5,
    });
    expect(parseAnswer({ kind: "number", text: "?" }, "").ok).to.equal(false);
    expect(
      parseAnswer({ kind: "choice", text: "?", choices: ["VGA", "DP"], accept: ["DP"] }, "dp"),
    ).to.deep.equal({ ok: true, value: "DP" });
  });

  it("never accepts a non-finite number", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseAnswer({ kind: "number", text: "?" }, text);
        if (parsed.ok) expect(Number.isFinite(parsed.value)).to.equal(true);
      }),
    );
  });

  it("judges answers", () => {
    expect(judgeAnswer({ kind: "confirm", text: "?", expect: false }, false).pass).to.equal(true);
    expect(judgeAnswer({ kind: "number", text: "?", min: 200, unit: "nits" }, 150).text).to.equal(
      "answered 150 nits, below 200 nits",
    );
    expect(
      judgeAnswer({ kind: "choice", text: "?", choices: ["VGA", "DP"], accept: ["DP"] }, "VGA")
        .pass,
    ).to.equal(false);
  });

  it("loads a file and lists every problem with its position", async () => {
    const dir = tmp();
    const file = path.join(dir, "a.yaml");
    writeFileSync(file, "lid: yes\nnits: 300\nport: DP\n");
    const loaded = await loadAnswers(file, suite);
    expect([...loaded.answers]).to.deep.equal([
      ["lid", true],
      ["nits", 300],
      ["port", "DP"],
    ]);
    writeFileSync(file, "lid: maybe\nvtx: yes\nlit: yes\nport: HDMI\n");
    const e = (await loadAnswers(file, suite).catch((x: unknown) => x)) as HclError;
    expect(e.code).to.equal("HCL_E_ANSWERS_INVALID");
    expect(e.message).to.include(`${file}:1:1 lid: found "maybe", expected yes or no`);
    expect(e.message).to.include("requirement vtx asks no question");
    expect(e.message).to.include('did you mean "lid"?');
    expect(e.message).to.include("expected one of VGA, DP");
    writeFileSync(file, "- a\n- b\n");
    expect(
      ((await loadAnswers(file, suite).catch((x: unknown) => x)) as HclError).message,
    ).to.include("expected a map of requirement id to answer");
  });
});
