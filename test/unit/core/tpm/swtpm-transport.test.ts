import net from "node:net";
import { expect } from "chai";
import { toHex } from "../../../../core/tpm/bytes.js";
import { parseTpmSpec, type SwtpmTpmSpec } from "../../../../core/tpm/spec.js";
import { SwtpmTransport } from "../../../../core/tpm/swtpm-transport.js";
import { expectRejectCode, hex } from "./expect-code.js";

const STARTUP = hex("80010000000c000001440000");
const OK = hex("80010000000a00000000");

/** A loopback server whose connections `behave` drives; closed after each test. */
async function server(
  behave: (socket: net.Socket) => void,
): Promise<{ spec: SwtpmTpmSpec; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const s = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    behave(socket);
  });
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as net.AddressInfo).port;
  return {
    spec: parseTpmSpec(`swtpm:127.0.0.1:${port}`) as SwtpmTpmSpec,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((r) => s.close(r));
    },
  };
}

/** Answers each command with `answer(command)` written in pieces of `piece` bytes. */
function answering(
  answer: (command: Buffer) => Uint8Array,
  piece = 1_000_000,
): (socket: net.Socket) => void {
  return (socket) =>
    socket.on("data", (command) => {
      const bytes = answer(command);
      for (let at = 0; at < bytes.length; at += piece) socket.write(bytes.subarray(at, at + piece));
    });
}

describe("SwtpmTransport", () => {
  const opened: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    for (const o of opened.splice(0)) await o.close();
  });
  async function connect(behave: (socket: net.Socket) => void): Promise<SwtpmTransport> {
    const s = await server(behave);
    opened.push(s);
    const t = await SwtpmTransport.connect(s.spec, 1000);
    opened.push(t);
    return t;
  }

  it("reads the 10-byte header, then the rest by the header's size, however TCP cuts it", async () => {
    const t = await connect(answering(() => hex("8001 00000010 00000000 0004 aabbccdd"), 1));
    expect(toHex(await t.transmit(STARTUP, 1000))).to.equal(
      "80010000001000000000" + "0004aabbccdd",
    );
  });

  it("sends one command at a time, in order", async () => {
    const seen: string[] = [];
    const t = await connect(
      answering((c) => {
        seen.push(toHex(c));
        return hex(`8001 0000000b 00000000 ${toHex(c.subarray(9, 10))}`);
      }),
    );
    const answers = await Promise.all(
      [1, 2, 3].map((n) => t.transmit(hex(`80010000000a0000017${n}`), 1000)),
    );
    expect(answers.map((a) => a[10])).to.deep.equal([0x71, 0x72, 0x73]);
    expect(seen).to.have.length(3);
  });

  it("gives up on a TPM that accepts and never answers, within the bound, and then refuses to go on", async () => {
    const t = await connect(() => undefined);
    const started = Date.now();
    await expectRejectCode(
      t.transmit(STARTUP, 200),
      "HCL_E_TPM_TIMEOUT",
      /did not answer command code 0x00000144 within 200 ms/,
    );
    expect(Date.now() - started).to.be.within(190, 600);
    await expectRejectCode(t.transmit(STARTUP, 200), "HCL_E_TPM_IO", /closed after a timeout/);
  });

  it("calls a response cut short by a closed connection truncated", async () => {
    const t = await connect((socket) =>
      socket.on("data", () => socket.end(hex("8001 00000020 00000000 0102"))),
    );
    await expectRejectCode(t.transmit(STARTUP, 1000), "HCL_E_TPM_TRUNCATED", /after 12 bytes/);
    const early = await connect((socket) => socket.on("data", () => socket.end(hex("8001 0000"))));
    await expectRejectCode(early.transmit(STARTUP, 1000), "HCL_E_TPM_TRUNCATED", /after 4 bytes/);
    const mute = await connect((socket) => socket.on("data", () => socket.end()));
    await expectRejectCode(mute.transmit(STARTUP, 1000), "HCL_E_TPM_IO", /without answering/);
  });

  it("refuses a size that cannot hold the header, one past the maximum, and bytes past the size", async () => {
    const small = await connect(answering(() => hex("8001 00000004 00000000")));
    await expectRejectCode(small.transmit(STARTUP, 1000), "HCL_E_TPM_BAD_SIZE", /size as 4 bytes/);
    const huge = await connect(answering(() => hex("8001 7fffffff 00000000")));
    await expectRejectCode(huge.transmit(STARTUP, 1000), "HCL_E_TPM_BAD_SIZE", /2147483647 bytes/);
    const long = await connect(answering(() => hex("8001 0000000a 00000000 ffff")));
    await expectRejectCode(
      long.transmit(STARTUP, 1000),
      "HCL_E_TPM_BAD_SIZE",
      /12 bytes for a response whose header says 10/,
    );
  });

  it("answers HCL_E_TPM_OPEN when nothing listens", async () => {
    const s = await server(() => undefined);
    await s.close();
    await expectRejectCode(SwtpmTransport.connect(s.spec, 1000), "HCL_E_TPM_OPEN", /ECONNREFUSED/);
  });

  it("rejects a command in flight when closed", async () => {
    const t = await connect(() => undefined);
    const pending = t.transmit(OK, 5000);
    await new Promise((r) => setTimeout(r, 50));
    await t.close();
    await expectRejectCode(
      pending,
      "HCL_E_TPM_IO",
      /the connection was closed before the answer came/,
    );
  });

  it("rejects a queued command when closed", async () => {
    const t = await connect(() => undefined);
    const pending = t.transmit(OK, 5000);
    await t.close();
    await expectRejectCode(
      pending,
      "HCL_E_TPM_IO",
      /the connection (is closed|was closed before the answer came)/,
    );
  });
});
