import net from "node:net";
import { expect } from "chai";
import { SwtpmControl } from "../../../../core/tpm/swtpm-control.js";
import { expectRejectCode } from "./expect-code.js";

describe("SwtpmControl", () => {
  let s: net.Server;
  const received: string[] = [];
  let answer: (code: number) => Buffer | null = () => Buffer.alloc(4);
  before(async () => {
    s = net.createServer((socket) => {
      socket.on("error", () => undefined);
      socket.on("data", (data) => {
        received.push(data.toString("hex"));
        const reply = answer(data.readUInt32BE(0));
        if (reply !== null) socket.write(reply);
      });
    });
    await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  });
  after(() => s.close());
  const control = (): SwtpmControl =>
    new SwtpmControl("127.0.0.1", (s.address() as net.AddressInfo).port, "swtpm:test:1");

  it("sends CMD_INIT with its flags in one big-endian write, and reads the result", async () => {
    answer = () => Buffer.alloc(4);
    const c = control();
    await c.init(1000);
    await c.init(1000, true);
    c.close();
    expect(received.slice(-2)).to.deep.equal(["0000000200000000", "0000000200000001"]);
  });

  it("reads CMD_GET_CAPABILITY's flags as the PTM_CAP names", async () => {
    answer = () => Buffer.from("0000000000003fff", "hex");
    const c = control();
    const caps = await c.capabilities(1000);
    c.close();
    expect(caps).to.include.members(["INIT", "SHUTDOWN", "STOP", "SET_BUFFERSIZE"]);
    expect(caps).to.not.include("GET_INFO");
  });

  it("turns a non-zero result into HCL_E_TPM_CONTROL, and silence into a timeout", async () => {
    answer = () => Buffer.from("00000101", "hex");
    const c = control();
    await expectRejectCode(
      c.init(1000),
      "HCL_E_TPM_CONTROL",
      /CMD_INIT with TPM result 0x00000101/,
    );
    answer = () => null;
    await expectRejectCode(
      c.shutdown(150),
      "HCL_E_TPM_TIMEOUT",
      /did not answer CMD_SHUTDOWN within 150 ms/,
    );
    c.close();
  });
});
