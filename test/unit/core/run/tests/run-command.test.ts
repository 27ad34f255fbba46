import { expect } from "chai";
import { firstLine, runCommand } from "../../../../../core/run/tests/run-command.js";

const node = process.execPath;
const open = new AbortController().signal;

describe("runCommand", () => {
  it("runs a tool without a shell and keeps its output", async () => {
    const result = await runCommand(
      [node, "-e", "console.log(process.argv[1], process.env.LC_ALL)", "$HOME;x"],
      {
        timeoutMs: 10_000,
        signal: open,
      },
    );
    expect(result).to.include({ status: "ok", exitCode: 0, stdout: "$HOME;x C\n" });
  });

  it("tells a missing tool, a failure, a time-out and an abort apart", async () => {
    const missing = await runCommand(["hclkit-no-such-tool"], { timeoutMs: 10_000, signal: open });
    expect(missing.status).to.equal("missing");
    const failed = await runCommand([node, "-e", "console.error('bad thing'); process.exit(3)"], {
      timeoutMs: 10_000,
      signal: open,
    });
    expect(failed).to.include({ status: "failed", exitCode: 3 });
    expect(firstLine(failed.stderr)).to.equal("bad thing");
    const slow = await runCommand([node, "-e", "setTimeout(() => {}, 10000)"], {
      timeoutMs: 200,
      signal: open,
    });
    expect(slow).to.include({ status: "timeout", stderr: "no answer within 200 ms" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const aborted = await runCommand([node, "-e", "setTimeout(() => {}, 10000)"], {
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    expect(aborted.status).to.equal("aborted");
  });

  it("gives the first non-empty line of a message", () => {
    expect(firstLine("\n  \n first \nsecond")).to.equal("first");
    expect(firstLine("")).to.equal("(no message)");
  });
});
