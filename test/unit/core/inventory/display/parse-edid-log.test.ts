import { expect } from "chai";
import fc from "fast-check";
import { parseEdidLog } from "../../../../../core/inventory/display/parse-edid-log.js";
import { expectWellFormed } from "../../../../helpers/diagnostics.js";
import { anyText, mutatedText, RUNS } from "../../../../helpers/mutations.js";
import { hwProbeEdidPart, linuxhwEdid } from "./edid-fixtures.js";

const LGD = linuxhwEdid("LGD0254-8CC0EB7CB47D");
const AOC = linuxhwEdid("AOC1619-B73B230E7DA8");
/** hw-probe's logs/edid of a laptop with its panel on LVDS and a monitor on VGA. */
const LOG =
  hwProbeEdidPart("/sys/class/drm/card0-LVDS-1/edid", LGD) +
  hwProbeEdidPart("/sys/class/drm/card0-VGA-1/edid", AOC);

describe("parseEdidLog", () => {
  it("reads each monitor of hw-probe's log with its connector, at its lines", () => {
    const { value, diagnostics } = parseEdidLog(LOG, "logs/edid");
    expect(diagnostics).to.deep.equal([]);
    expect(
      value?.map((m) => [m.connector, m.kind, m.edid.manufacturer, m.edid.productCode]),
    ).to.deep.equal([
      ["card0-LVDS-1", "LVDS", "LGD", "0254"],
      ["card0-VGA-1", "VGA", "AOC", "1619"],
    ]);
    const lines = LOG.split("\n");
    const [panel, vga] = value ?? [];
    expect(lines[(panel?.at.line ?? 0) - 1]).to.equal(
      'edid-decode "/sys/class/drm/card0-LVDS-1/edid"',
    );
    expect(lines[(panel?.edid.at.line ?? 0) - 1]).to.equal("00ffffffffffff0030e4540200000000");
    expect(panel?.edid.at.endLine).to.equal((panel?.edid.at.line ?? 0) + 7);
    expect(lines[(vga?.at.line ?? 0) - 1]).to.equal(
      'edid-decode "/sys/class/drm/card0-VGA-1/edid"',
    );
    expect(panel?.at.endLine).to.equal((vga?.at.line ?? 0) - 1);
  });

  it("reads edid-decode's own output without a header, spaced bytes and all", () => {
    const { value } = parseEdidLog(AOC.text, "edid");
    expect(value).to.have.length(1);
    expect(value?.[0]).to.deep.include({ connector: null, kind: null });
    expect(value?.[0]?.edid).to.deep.include({
      name: "1619w",
      at: { file: "edid", line: 3, endLine: 10 },
    });
  });

  it("reads the Extracted contents table of old edid-decode, and connectors named by xrandr", () => {
    const b = Array.from(LGD.bytes, (x) => x.toString(16).padStart(2, "0"));
    const fields: [string, number, number][] = [
      ["header", 0, 8],
      ["serial number", 8, 18],
      ["version", 18, 20],
      ["basic params", 20, 25],
      ["chroma info", 25, 35],
      ["established", 35, 38],
      ["standard", 38, 54],
      ["descriptor 1", 54, 72],
      ["descriptor 2", 72, 90],
      ["descriptor 3", 90, 108],
      ["descriptor 4", 108, 126],
      ["extensions", 126, 127],
      ["checksum", 127, 128],
    ];
    const table = fields.map(
      ([label, from, to]) => `${`${label}:`.padEnd(17)}${b.slice(from, to).join(" ")}`,
    );
    const log = `edid-decode "LVDS1/edid":\nExtracted contents:\n${table.join("\n")}\nManufacturer: LGD Model 254\n`;
    const { value, diagnostics } = parseEdidLog(log, "logs/edid");
    expect(diagnostics).to.deep.equal([]);
    expect(value?.[0]).to.deep.include({ connector: "LVDS1", kind: null });
    expect(value?.[0]?.edid.strings).to.deep.equal(["LG Display", "LP140WD1-TLD2"]);
  });

  it("reports a part without a hex dump and an EDID that is cut, at their lines", () => {
    const cut = hwProbeEdidPart("/sys/class/drm/card0-DP-1/edid", LGD).split("\n");
    cut.splice(6, 5);
    const log = `edid-decode "/sys/class/drm/card0-HDMI-A-1/edid"\n\nno data\n${cut.join("\n")}`;
    const { value, diagnostics } = parseEdidLog(log, "logs/edid");
    expect(value).to.deep.equal([]);
    expect(diagnostics.map((d) => [d.code, d.line])).to.deep.equal([
      ["HCL_E_EVIDENCE_MALFORMED", 1],
      ["HCL_E_EVIDENCE_TRUNCATED", 7],
    ]);
  });

  it("never throws on any text or mutation of a real log", () => {
    fc.assert(
      fc.property(fc.oneof(anyText(), mutatedText(LOG)), (text) => {
        const { value, diagnostics } = parseEdidLog(text, "logs/edid");
        const count = text.split("\n").length;
        for (const m of value ?? [])
          expect(m.edid.at.endLine ?? m.edid.at.line).to.be.at.most(count);
        expectWellFormed(diagnostics, "logs/edid");
      }),
      RUNS,
    );
  });
});
