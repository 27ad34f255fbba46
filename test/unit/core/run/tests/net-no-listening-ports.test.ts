import { existsSync } from "node:fs";
import { expect } from "chai";
import { netNoListeningPorts } from "../../../../../core/run/tests/net-no-listening-ports.js";
import { hostEndianness } from "../../../../../core/run/tests/parse-proc-net.js";
import { useTmpDirs } from "../../../../helpers/tmp.js";
import { expectRejection, testContext, writeTree } from "./sysroot.js";

const HEADER =
  "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";

/** A socket line; addresses given as dotted quads or 16-byte hex, printed as this machine's kernel would. */
function line(sl: number, local: string, remote: string, st: string, inode: number): string {
  return `${String(sl).padStart(4)}: ${local} ${remote} ${st} 00000000:00000000 00:00000000 00000000   100        0 ${inode} 1 0000000000000000 100 0 0 10 0`;
}

function v4(address: string, port: number): string {
  const bytes = address.split(".").map(Number);
  const ordered = hostEndianness() === "LE" ? bytes.reverse() : bytes;
  return `${ordered.map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join("")}:${port.toString(16).toUpperCase().padStart(4, "0")}`;
}

const ANY6 = "00000000000000000000000000000000";
const LOOP6 =
  hostEndianness() === "LE"
    ? "00000000000000000000000001000000"
    : "00000000000000000000000000000001";

describe("net.no-listening-ports", () => {
  const tmp = useTmpDirs();

  function machine(extra: Record<string, string> = {}): string {
    const root = tmp();
    writeTree(root, {
      "/proc/net/tcp": [
        HEADER,
        line(0, v4("0.0.0.0", 22), v4("0.0.0.0", 0), "0A", 1001),
        line(1, v4("127.0.0.1", 631), v4("0.0.0.0", 0), "0A", 1002),
        line(2, v4("10.0.2.15", 22), v4("10.0.2.2", 50000), "01", 1003),
        "",
      ].join("\n"),
      "/proc/net/tcp6": [
        HEADER,
        line(0, `${ANY6}:0016`, `${ANY6}:0000`, "0A", 2001),
        line(1, `${LOOP6}:0277`, `${ANY6}:0000`, "0A", 2002),
        "",
      ].join("\n"),
      "/proc/net/udp": [
        HEADER,
        line(0, v4("0.0.0.0", 68), v4("0.0.0.0", 0), "07", 3001),
        line(1, v4("10.0.2.15", 40000), v4("8.8.8.8", 53), "01", 3002),
        "",
      ].join("\n"),
      ...extra,
    });
    return root;
  }

  it("names every TCP listener and bound UDP socket as a problem, and counts them", async () => {
    const context = testContext(machine());
    const result = await netNoListeningPorts.run(context);
    expect(result.problems).to.deep.equal([
      "tcp 0.0.0.0:22 (inode 1001)",
      "tcp 127.0.0.1:631 (inode 1002)",
      "tcp6 [::]:22 (inode 2001)",
      "tcp6 [::1]:631 (inode 2002)",
      "udp 0.0.0.0:68 (inode 3001)",
    ]);
    expect(result.measurements).to.deep.equal([{ name: "listening", value: 5, unit: "sockets" }]);
    expect(result.notes).to.include(
      "/proc/net/udp6 does not exist: IPv6 is not enabled, no udp6 sockets",
    );
    expect(context.lines).to.include("/proc/net/tcp: 3 sockets");
  });

  it("leaves loopback listeners out when asked to", async () => {
    const result = await netNoListeningPorts.run(
      testContext(machine(), { params: { ignoreLoopback: true } }),
    );
    expect(result.problems).to.deep.equal([
      "tcp 0.0.0.0:22 (inode 1001)",
      "tcp6 [::]:22 (inode 2001)",
      "udp 0.0.0.0:68 (inode 3001)",
    ]);
    expect(result.measurements[0]?.value).to.equal(3);
    expect(result.notes?.join("\n")).to.match(
      /2 listening sockets on loopback addresses not counted/,
    );
  });

  it("passes a machine with only outgoing connections", async () => {
    const root = tmp();
    writeTree(root, {
      "/proc/net/tcp": `${HEADER}\n${line(0, v4("10.0.2.15", 40001), v4("10.0.2.2", 443), "01", 9)}\n`,
      "/proc/net/udp": `${HEADER}\n`,
    });
    const result = await netNoListeningPorts.run(testContext(root));
    expect(result.problems).to.deep.equal([]);
    expect(result.measurements[0]?.value).to.equal(0);
  });

  it("is an error when /proc/net/tcp is missing or a table is malformed", async () => {
    const root = tmp();
    writeTree(root, { "/proc/net/udp": `${HEADER}\n` });
    await expectRejection(
      netNoListeningPorts.run(testContext(root)),
      /\/proc\/net\/tcp does not exist under/,
    );

    const truncated = machine({ "/proc/net/udp": `${HEADER}\n   0: 00000000:0044 00000000:00` });
    await expectRejection(
      netNoListeningPorts.run(testContext(truncated)),
      /\/proc\/net\/udp line 2: .* is not a udp socket line/,
    );
  });

  it("reads this machine's sockets", async function () {
    if (!existsSync("/proc/net/tcp")) this.skip();
    const result = await netNoListeningPorts.run(testContext("/"));
    expect(result.measurements[0]?.value).to.equal(result.problems?.length);
    for (const problem of result.problems ?? [])
      expect(problem).to.match(
        /^(tcp|udp)6? (\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\]):\d{1,5} \(inode \d+\)$/,
      );
    expect(result.notes?.[0]).to.match(/^\d+ sockets read, \d+ listening$/);
  });
});
