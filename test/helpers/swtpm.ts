import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { alive } from "../../core/util/pid-lock.js";

export { alive };

/** A swtpm process on loopback ports, its state in a folder of its own. */
export interface Swtpm {
  readonly port: number;
  readonly spec: string;
  readonly pid: number;
  /** The tcti option of tpm2-tools for this instance. */
  readonly tcti: string;
  stop(): Promise<void>;
}

/** Two free consecutive loopback ports: swtpm's command port and its control channel. */
async function freePortPair(): Promise<number> {
  const bind = (port: number): Promise<net.Server | null> =>
    new Promise((resolve) => {
      const s = net.createServer();
      s.once("error", () => resolve(null));
      s.listen(port, "127.0.0.1", () => resolve(s));
    });
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = await bind(0);
    if (first === null) continue;
    const port = (first.address() as net.AddressInfo).port;
    const second = port < 65535 ? await bind(port + 1) : null;
    await new Promise((r) => first.close(r));
    if (second !== null) {
      await new Promise((r) => second.close(r));
      return port;
    }
  }
  throw new Error("no two consecutive free loopback ports");
}

export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => child.once("exit", () => r()));
}

/** Every swtpm started, to stop in an after hook. */
export const started: Swtpm[] = [];
/** Every swtpm pid, to check none is left running. */
export const pids: number[] = [];

/**
 * Starts `swtpm socket` (man swtpm): `--tpm2` for a TPM 2.0, none for a 1.2; `--flags
 * not-need-init,startup-clear` makes it answer at once, started; without flags it waits for
 * CMD_INIT on the control channel, like a TPM before power-on.
 */
export async function startSwtpm(
  family: "1.2" | "2.0",
  flags: string | null = "not-need-init,startup-clear",
): Promise<Swtpm> {
  const port = await freePortPair();
  const dir = mkdtempSync(path.join(os.tmpdir(), "hclkit-swtpm-"));
  const args = [
    "socket",
    ...(family === "2.0" ? ["--tpm2"] : []),
    "--server",
    `type=tcp,port=${port},bindaddr=127.0.0.1`,
    "--ctrl",
    `type=tcp,port=${port + 1},bindaddr=127.0.0.1`,
    "--tpmstate",
    `dir=${dir}`,
    ...(flags === null ? [] : ["--flags", flags]),
  ];
  const child = spawn("swtpm", args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  let failed = "";
  child.on(
    "error",
    (error) => (failed = `${error.message}: install swtpm, swtpm-tools and tpm2-tools`),
  );
  const pid = child.pid ?? -1;
  if (pid > 0) pids.push(pid);
  const stop = async (): Promise<void> => {
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
    if (failed === "") await exited(child);
    clearTimeout(killer);
    rmSync(dir, { recursive: true, force: true });
  };
  // Ready when the control channel accepts a connection (it answers nothing until asked).
  for (let i = 0; ; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port + 1, "127.0.0.1");
      s.once("connect", () => (s.destroy(), resolve(true)));
      s.once("error", () => resolve(false));
    });
    if (ok) break;
    if (child.exitCode !== null || failed !== "" || i > 250) {
      await stop();
      throw new Error(`swtpm did not start: ${failed || stderr}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const swtpm = {
    port,
    spec: `swtpm:127.0.0.1:${port}`,
    pid,
    tcti: `swtpm:host=127.0.0.1,port=${port}`,
    stop,
  };
  started.push(swtpm);
  return swtpm;
}
