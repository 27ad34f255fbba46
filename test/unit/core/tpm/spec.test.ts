import { expect } from "chai";
import { exitCodeOf } from "../../../../core/errors/codes.js";
import { formatTpmSpec, parseTpmSpec } from "../../../../core/tpm/spec.js";
import { expectCode } from "./expect-code.js";

describe("parseTpmSpec", () => {
  it("reads a kernel device and swtpm with its control port", () => {
    expect(parseTpmSpec("device:/dev/tpmrm0")).to.deep.equal({
      kind: "device",
      path: "/dev/tpmrm0",
    });
    expect(parseTpmSpec("swtpm:127.0.0.1:2321")).to.deep.equal({
      kind: "swtpm",
      host: "127.0.0.1",
      port: 2321,
      controlPort: 2322,
    });
    expect(parseTpmSpec("swtpm:localhost:2321:4000")).to.deep.equal({
      kind: "swtpm",
      host: "localhost",
      port: 2321,
      controlPort: 4000,
    });
    expect(parseTpmSpec("swtpm:[::1]:2321")).to.deep.equal({
      kind: "swtpm",
      host: "::1",
      port: 2321,
      controlPort: 2322,
    });
  });

  it("writes specs back the way they are read", () => {
    for (const spec of [
      "device:/dev/tpm0",
      "swtpm:127.0.0.1:2321",
      "swtpm:h:10:20",
      "swtpm:[::1]:2321",
    ])
      expect(formatTpmSpec(parseTpmSpec(spec))).to.equal(spec);
  });

  const bad: [string, RegExp][] = [
    ["/dev/tpm0", /a path without a kind/],
    ["tpm0", /no kind before a colon/],
    ["device:dev/tpm0", /not absolute/],
    ["device:/dev/../etc/passwd", /climbs/],
    ["swtpm:127.0.0.1", /no port after the host/],
    ["swtpm::2321", /no host/],
    ["swtpm:h:abc", /the port is "abc", not a port number/],
    ["swtpm:h:0", /outside 1-65535/],
    ["swtpm:h:65535", /control port would be 65536/],
    ["swtpm:h:1:2:3", /3 ports after the host/],
    ["swtpm:h:5:5", /control port is the command port/],
    ["swtpm:[::1:2321", /no closing \]/],
    ["mssim:127.0.0.1:2321", /unknown kind "mssim"/],
  ];
  for (const [spec, message] of bad)
    it(`refuses ${spec} with HCL_E_TPM_SPEC (exit 2), naming what was found and expected`, () => {
      const error = expectCode(() => parseTpmSpec(spec), "HCL_E_TPM_SPEC", message);
      expect(error.message)
        .to.include(JSON.stringify(spec))
        .and.include("expected device:/dev/tpmrm0");
      expect(exitCodeOf(error.code)).to.equal(2);
    });

  it("suggests the kind it knows for another tool's name", () => {
    expect(expectCode(() => parseTpmSpec("tcp:h:1"), "HCL_E_TPM_SPEC").hint).to.equal(
      "Did you mean swtpm:h:1?",
    );
    expect(expectCode(() => parseTpmSpec("/dev/tpm0"), "HCL_E_TPM_SPEC").hint).to.equal(
      "Write device:/dev/tpm0 for a kernel TPM device.",
    );
  });
});
