import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { writeDurable } from "../../../../core/run/durable.js";
import { SessionStore } from "../../../../core/run/session-store.js";
import { HclError } from "../../../../core/errors/hcl-error.js";
import { useTmpDirs } from "../../../helpers/tmp.js";

describe("core/run/session-store", () => {
  const tmp = useTmpDirs();

  it("writes durably: the content replaced whole, no temporary file left", () => {
    const dir = tmp();
    const file = path.join(dir, "x.json");
    writeDurable(file, "one");
    writeDurable(file, "two");
    expect(readFileSync(file, "utf8")).to.equal("two");
    expect(readdirSync(dir)).to.deep.equal(["x.json"]);
  });

  it("names the file when a write fails, and leaves nothing behind", () => {
    const dir = tmp();
    const e = (() => {
      try {
        writeDurable(path.join(dir, "missing", "x.json"), "x");
      } catch (error) {
        return error as HclError;
      }
      throw new Error("wrote");
    })();
    expect(e.code).to.equal("HCL_E_SESSION_WRITE");
    expect(e.message).to.include("missing/x.json");
  });

  it("refuses a second live holder of the lock and takes over a dead one's", () => {
    const store = new SessionStore(tmp());
    store.create();
    const release = store.lock();
    // A live process (this one's parent, the shell of the test run) holds it.
    writeFileSync(store.file("lock"), `${process.ppid}\n`);
    expect(() => store.lock()).to.throw(HclError, /is running the session/);
    // A dead process's lock is stale.
    const dead = spawnSync(process.execPath, [
      "-e",
      "process.stdout.write(String(process.pid))",
    ]).stdout.toString();
    writeFileSync(store.file("lock"), `${dead}\n`);
    const again = store.lock();
    expect(readFileSync(store.file("lock"), "utf8").trim()).to.equal(String(process.pid));
    again();
    release();
  });

  it("drops temporary files a killed write left, and reads a garbled result as a corrupt session", () => {
    const store = new SessionStore(tmp());
    store.create();
    writeFileSync(store.file("results/000-a.json.123.tmp"), "{");
    expect(store.results().size).to.equal(0);
    expect(readdirSync(store.file("results"))).to.deep.equal([]);
    writeFileSync(store.file("results/000-a.json"), "{ not json");
    expect(() => store.results()).to.throw(HclError, /not valid JSON/);
  });

  it("refuses to create a session where one exists", () => {
    const store = new SessionStore(tmp());
    store.create();
    writeFileSync(store.file("session.json"), "{}");
    expect(() => store.create()).to.throw(HclError, /holds a session already/);
  });
});
