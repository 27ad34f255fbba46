import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { runHclkit } from "../helpers/cli.js";
import { REPO } from "../helpers/paths.js";
import { useTmpDirs } from "../helpers/tmp.js";

const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe("hclkit (built CLI)", () => {
  const tmp = useTmpDirs();

  it("prints its version with --version and -V", async () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as {
      version: string;
    };
    for (const flag of ["--version", "-V"]) {
      const run = await runHclkit([flag]);
      expect(run).to.deep.equal({ code: 0, stdout: `${version}\n`, stderr: "" });
    }
  });

  it("prints help for the program and for every command", async () => {
    const top = await runHclkit(["--help"]);
    expect(top.code).to.equal(0);
    expect(top.stdout).to.contain("Usage: hclkit [options] [command]");
    expect(top.stdout).to.contain("plugins");
    expect(top.stdout).to.contain("--ci");
    for (const command of [
      ["plugins"],
      ["plugins", "list"],
      ["plugins", "show"],
      ["plugins", "validate"],
    ]) {
      const run = await runHclkit([...command, "--help"]);
      expect(run.code, command.join(" ")).to.equal(0);
      expect(run.stdout).to.contain(`Usage: hclkit ${command.join(" ")}`);
    }
  });

  it("fails with exit 2, HCL_E_CLI_USAGE and a suggestion for an unknown command, without a stack", async () => {
    const run = await runHclkit(["plugins", "lst"]);
    expect(run.code).to.equal(2);
    expect(run.stdout).to.equal("");
    expect(run.stderr).to.equal(
      "Error: unknown command 'lst'; did you mean list?\nCode: HCL_E_CLI_USAGE\nTry this: Run `hclkit --help`, or `hclkit COMMAND --help` for a command's options.\n",
    );
  });

  it("fails with exit 2 for an unknown option, a missing argument and a malformed value", async () => {
    const cases: [string[], string][] = [
      [["plugins", "list", "--jsn"], "unknown option '--jsn'"],
      [["plugins", "show"], "missing required argument 'name'"],
      [
        ["--plugin-timeout", "soon", "plugins", "list"],
        'expected a positive whole number of milliseconds, found "soon"',
      ],
      [["plugins", "list", "extra"], "too many arguments"],
    ];
    for (const [args, message] of cases) {
      const run = await runHclkit(args);
      expect(run.code, args.join(" ")).to.equal(2);
      expect(run.stderr, args.join(" ")).to.contain(message).and.contain("Code: HCL_E_CLI_USAGE");
      expect(run.stderr).to.not.match(STACK_LINE);
    }
  });

  it("shows a group's help and exits 2 when its subcommand is missing", async () => {
    const run = await runHclkit(["plugins"]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain("Usage: hclkit plugins");
  });

  it("names file:line:col of a bad configuration, exit 2, and a stack only with --debug", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "hclkit.config.yaml"), "plugins: []\npluginTimeoutMS: 5\n");
    const run = await runHclkit(["plugins", "list"], { cwd: dir });
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain(
      `${path.join(dir, "hclkit.config.yaml")}:2:1 pluginTimeoutMS: unknown key "pluginTimeoutMS"`,
    );
    expect(run.stderr).to.contain('did you mean "pluginTimeoutMs"?');
    expect(run.stderr).to.contain("Code: HCL_E_CONFIG_INVALID");
    expect(run.stderr).to.not.match(STACK_LINE);

    const debug = await runHclkit(["--debug", "plugins", "list"], { cwd: dir });
    expect(debug.code).to.equal(2);
    expect(debug.stderr).to.match(STACK_LINE);
  });

  it("reads the configuration given with --config, and fails with HCL_E_CONFIG_READ when it is missing", async () => {
    const dir = tmp();
    const run = await runHclkit(["--config", "missing.yaml", "plugins", "list"], { cwd: dir });
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain(
      `Error: cannot read the configuration file ${path.join(dir, "missing.yaml")}`,
    );
    expect(run.stderr).to.contain("Caused by: Error: ENOENT");
  });

  it("prints errors of --json commands as JSON on stdout as well", async () => {
    const run = await runHclkit(["plugins", "show", "nope", "--json"], { cwd: tmp() });
    expect(run.code).to.equal(2);
    const json = JSON.parse(run.stdout) as { error: { code: string; message: string } };
    expect(json.error.code).to.equal("HCL_E_PLUGIN_UNKNOWN");
    expect(run.stderr).to.contain("Code: HCL_E_PLUGIN_UNKNOWN");
  });
});
