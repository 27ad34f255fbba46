import { PassThrough } from "node:stream";
import { expect } from "chai";
import { askOnTerminal } from "../../../../core/cli/ask.js";
import type { Requirement } from "../../../../core/suite/suite-schema.js";

const requirement = { id: "power.lid-switch" } as Requirement;

function terminal(lines: string[]) {
  const input = new PassThrough();
  let written = "";
  const output = Object.assign(new PassThrough(), { columns: 80 });
  output.on("data", (chunk: Buffer) => (written += chunk.toString()));
  let paused = 0;
  const ask = askOnTerminal(input, output, () => paused++);
  // Lines arrive as the operator types them, after each question.
  let next = 0;
  output.on("data", (chunk: Buffer) => {
    if (chunk.toString().includes("answer (") && next < lines.length)
      input.write(`${lines[next++] ?? ""}\n`);
  });
  return { ask, written: () => written, paused: () => paused, end: () => input.end() };
}

describe("core/cli/ask", () => {
  it("asks again until the answer fits, then returns it typed", async () => {
    const t = terminal(["maybe", "y"]);
    const answer = await t.ask({ kind: "confirm", text: "Did the screen go off?" }, requirement);
    expect(answer).to.equal(true);
    expect(t.written()).to.include("power.lid-switch: Did the screen go off?");
    expect(t.written()).to.include('found "maybe", expected yes or no');
    expect(t.paused()).to.equal(1);
  });

  it("leaves the prompt pending on `later`", async () => {
    const t = terminal(["later"]);
    expect(
      await t.ask({ kind: "number", text: "Brightness?", unit: "nits" }, requirement),
    ).to.equal(null);
    expect(t.written()).to.include("a number in nits");
  });

  it("leaves the prompt pending when the input ends", async () => {
    const t = terminal([]);
    const pending = t.ask(
      { kind: "choice", text: "Port?", choices: ["VGA", "DP"], accept: ["DP"] },
      requirement,
    );
    setTimeout(() => t.end(), 20);
    expect(await pending).to.equal(null);
  });
});
