import { expect } from "chai";
import { comparePartial, formatMismatches } from "../../../../core/testing/compare.js";
import { PluginTester } from "../../../../core/testing/plugin-tester.js";
import { fixturePlugin, REPO } from "../../../helpers/paths.js";

const T410 = `${REPO}/test/fixtures/linuxhw/lenovo-thinkpad-t410-2522w5d`;

describe("PluginTester", () => {
  // The `ok` fixture plugin, loaded beside the built-ins as in real use, on a real T410 dump.
  const tester = new PluginTester({ plugin: fixturePlugin("ok"), cwd: REPO });

  it("finds no mismatch when the case says what hclkit finds", async () => {
    const mismatches = await tester.check({
      name: "T410",
      from: T410,
      platform: "intel-calpella",
      capabilities: {
        tpm: { present: true, vendor: "STM" },
        vtx: { enabled: false },
        wifi: [{ vendorId: "8086", deviceId: "4239" }],
      },
      facts: { "vpro/platform-vpro": { amtCapable: true } },
    });
    expect(mismatches).to.deep.equal([]);
  });

  it("reports each mismatch with the evidence that decided it", async () => {
    const mismatches = await tester.check({
      name: "T410, wrongly expected",
      from: T410,
      platform: "ok-plugin",
      capabilities: { tpm: { vendor: "IFX" } },
      facts: { "tpm/tpm9": { present: true } },
    });
    expect(mismatches.map((m) => m.path)).to.deep.equal([
      "platform",
      "capabilities.tpm.vendor",
      "devices.tpm/tpm9",
    ]);
    expect(mismatches[0]?.because).to.match(/^score 20: pci 8086:3b07, smbiosPch 3b07$/);
    expect(mismatches[1]).to.include({ expected: "IFX", found: "STM" });
    expect(mismatches[1]?.because).to.contain('vendor="STM"');
    expect(mismatches[2]?.because).to.match(/^devices of class tpm: /);
    expect(formatMismatches("T410", mismatches)).to.match(
      /^T410: 3 mismatches\n {2}platform: expected "ok-plugin", found "intel-calpella"\n {6}because score 20/,
    );
  });
});

describe("comparePartial", () => {
  it("checks only the keys given, arrays by length and element", () => {
    expect(comparePartial({ a: 1 }, { a: 1, b: 2 })).to.deep.equal([]);
    expect(comparePartial({ a: { b: null } }, { a: { b: false } })).to.deep.equal([
      { path: "a.b", expected: null, found: false },
    ]);
    expect(comparePartial({ l: [{ x: 1 }] }, { l: [{ x: 1 }, { x: 2 }] })).to.deep.equal([
      { path: "l.length", expected: 1, found: 2 },
    ]);
    expect(comparePartial({ l: [{ x: 1 }] }, { l: null })).to.deep.equal([
      { path: "l", expected: [{ x: 1 }], found: null },
    ]);
  });
});
