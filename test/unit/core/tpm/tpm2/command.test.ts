import { expect } from "chai";
import { toHex } from "../../../../../core/tpm/bytes.js";
import {
  executeTpm2,
  marshalTpm2Command,
  parseTpm2Response,
  responseCodeOf,
} from "../../../../../core/tpm/tpm2/command.js";
import { expectCode, expectRejectCode, hex } from "../expect-code.js";
import { ScriptedTransport, response2 } from "../fake-tpm.js";

describe("TPM 2.0 command framing", () => {
  it("marshals a command without sessions: tag, size, code, parameters", () => {
    // TPM2_Startup(TPM_SU_CLEAR), as tpm2-tools sends it.
    expect(toHex(marshalTpm2Command({ code: 0x144, parameters: hex("0000") }))).to.equal(
      "80010000000c000001440000",
    );
  });

  it("marshals a password session per authorized handle (Part 1 §19.6.5)", () => {
    const bytes = marshalTpm2Command({
      code: 0x182,
      handles: [7],
      authorizations: 1,
      parameters: hex("00000000"),
    });
    expect(toHex(bytes)).to.equal(
      "8002" +
        "0000001f" +
        "00000182" +
        "00000007" +
        "00000009" +
        "40000009" +
        "0000" +
        "00" +
        "0000" +
        "00000000",
    );
  });

  it("splits a response with sessions into handles, parameters and the authorization area", () => {
    const command = { code: 0x131, handles: [0x4000000b], authorizations: 1 };
    const response = hex("8002 00000019 00000000 80000000 00000002 beef 0000 01 0000");
    const { handles, parameters } = parseTpm2Response(response, command, 1, "t");
    expect(handles).to.deep.equal([0x80000000]);
    expect(toHex(parameters.bytes(2, "p"))).to.equal("beef");
    parameters.end();
  });

  it("names the response code of an error, with its meaning", () => {
    const error = expectCode(
      () => parseTpm2Response(hex("8001 0000000a 00000101"), { code: 0x143 }, 0, "swtpm:h:1"),
      "HCL_E_TPM_RESPONSE_CODE",
    );
    expect(error.message).to.equal(
      "swtpm:h:1 answered TPM2_SelfTest with TPM_RC_FAILURE (0x101): commands not being accepted because of a TPM failure",
    );
    expect(responseCodeOf(error)).to.equal(0x101);
  });

  it("refuses a wrong tag, a TPM 1.2 tag, and a size that disagrees with the bytes", () => {
    expectCode(
      () => parseTpm2Response(hex("8002 0000000a 00000000"), { code: 0x17a }, 0, "t"),
      "HCL_E_TPM_BAD_TAG",
      /tag 0x8002, expected 0x8001/,
    );
    expectCode(
      () => parseTpm2Response(hex("1234 0000000a 00000000"), { code: 0x17a }, 0, "t"),
      "HCL_E_TPM_BAD_TAG",
    );
    expectCode(
      () => parseTpm2Response(hex("00c4 0000000a 0000001e"), { code: 0x17a }, 0, "t"),
      "HCL_E_TPM_BAD_TAG",
      /TPM 1\.2/,
    );
    expectCode(
      () => parseTpm2Response(hex("8001 0000000c 00000000"), { code: 0x17a }, 0, "t"),
      "HCL_E_TPM_BAD_SIZE",
      /gives 12 bytes, 10 came/,
    );
    expectCode(
      () => parseTpm2Response(hex("8001 0000"), { code: 0x17a }, 0, "t"),
      "HCL_E_TPM_TRUNCATED",
    );
  });

  it("retries TPM_RC_RETRY and TPM_RC_TESTING, then gives up with the code", async () => {
    const answers = [response2(0x922), response2(0x90a), response2(0, hex("aa"))];
    const transport = new ScriptedTransport(() => answers.shift() ?? null);
    const { parameters } = await executeTpm2(transport, { code: 0x17b }, { timeoutMs: 100 });
    expect(toHex(parameters.bytes(1, "x"))).to.equal("aa");
    expect(transport.sent).to.have.length(3);
    const busy = new ScriptedTransport(() => response2(0x922));
    await expectRejectCode(
      executeTpm2(busy, { code: 0x17b }, { timeoutMs: 100, attempts: 2 }),
      "HCL_E_TPM_RESPONSE_CODE",
      /TPM_RC_RETRY/,
    );
    expect(busy.sent).to.have.length(2);
  });
});
