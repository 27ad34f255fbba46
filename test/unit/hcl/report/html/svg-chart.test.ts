import { expect } from "chai";
import fc from "fast-check";
import type { Limits } from "../../../../../core/suite/suite-schema.js";
import { renderChart, type ChartInput } from "../../../../../hcl/report/html/svg-chart.js";
import { RUNS } from "../../../../helpers/mutations.js";

const chart = (value: number, limits: Limits, unit = limits.unit): string =>
  renderChart({ id: "c1", title: "memory.capacity: availableForGuestMiB", value, unit, limits })
    .text;

/** The zones drawn, left to right: kind, x and width in pixels. */
function zones(svg: string): { kind: string; x: number; width: number }[] {
  return [
    ...svg.matchAll(
      /<rect\s+class="zone zone-(\w+)"\s+x="([-\d.]+)"\s+y="[-\d.]+"\s+width="([-\d.]+)"/g,
    ),
  ].map((m) => ({ kind: m[1] as string, x: Number(m[2]), width: Number(m[3]) }));
}

/** The text of every `<text>` element, white space collapsed. */
const texts = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text\s*>/g)].map((m) =>
    (m[1] as string).replace(/\s+/g, " ").trim(),
  );

/** Where the value marker is drawn, in pixels. */
const markerX = (svg: string): number | null => {
  const m = /<g class="value[^"]*"\s*><line\s+x1="([-\d.]+)"/.exec(svg);
  return m === null ? null : Number(m[1]);
};

describe("hcl/report/html/svg-chart", () => {
  it("draws the zones in order, the value where it falls, and labels that read in greyscale", () => {
    const svg = chart(7936, { min: 2048, marginal: 3072, unit: "MiB" });
    expect(svg).to.match(/^<svg\s+class="chart"/);
    const drawn = zones(svg);
    expect(drawn.map((z) => z.kind)).to.deep.equal(["fail", "marginal", "pass"]);
    drawn
      .slice(1)
      .forEach((z, i) =>
        expect(z.x).to.be.closeTo((drawn[i]?.x ?? 0) + (drawn[i]?.width ?? 0), 0.2),
      );
    // The axis starts at 0 at x = 8: the marker is right of the marginal limit, left of the end.
    const x = markerX(svg) as number;
    const marginalEdge = drawn[2]?.x ?? 0;
    expect(x).to.be.above(marginalEdge).and.below(592);
    expect(texts(svg)).to.include.members(["7936 MiB · pass", "min 2048 MiB", "marginal 3072 MiB"]);
    // Greyscale: fail and marginal zones carry patterns, not only a colour.
    expect(svg).to.include('fill="url(#c1-fail)"').and.include('fill="url(#c1-marginal)"');
  });

  it("places the marker proportionally on the axis", () => {
    // min 1 only: the axis runs 0 … 1.5 (half the limit of room), pixels 8 … 592.
    const svg = chart(1, { min: 1, unit: "units" });
    expect(markerX(svg)).to.be.closeTo(8 + (584 * 1) / 1.5, 0.2);
  });

  it("describes itself for screen readers with <title> and <desc>", () => {
    const svg = chart(2, { min: 1, marginal: 3, unit: "units" });
    expect(svg).to.include('role="img"').and.include('aria-labelledby="c1-title c1-desc"');
    expect(svg).to.match(/<title id="c1-title">memory.capacity: availableForGuestMiB<\/title>/);
    expect(svg).to.match(
      /<desc id="c1-desc">[^<]*2 units, judged marginal; limits: min 1 units, marginal 3 units\.<\/desc>/,
    );
  });

  it("draws a maximum of 0 sockets with a pass zone at and below 0", () => {
    const pass = chart(0, { max: 0, unit: "sockets" });
    expect(zones(pass).map((z) => z.kind)).to.deep.equal(["pass", "fail"]);
    expect(texts(pass)).to.include.members(["0 sockets · pass", "max 0 sockets"]);
    const fail = chart(3, { max: 0, unit: "sockets" });
    expect(texts(fail)).to.include("3 sockets · fail");
    expect(markerX(fail)).to.be.above(zones(fail)[1]?.x ?? 0);
  });

  it("pins a value far outside its limits to the edge, marked off scale, with its real value", () => {
    const above = chart(1e9, { min: 60, marginal: 80, unit: "MB/s" });
    expect(markerX(above)).to.equal(592);
    expect(texts(above)).to.include("1000000000 MB/s · pass (off scale) ▶");
    const below = chart(-1e9, { min: 60, marginal: 80, unit: "MB/s" });
    expect(markerX(below)).to.equal(8);
    expect(texts(below)).to.include("◀ -1000000000 MB/s · fail (off scale)");
  });

  it("handles negative ranges and limits that collapse to one point", () => {
    const negative = chart(-7, { min: -10, max: -5, unit: "dB" });
    expect(zones(negative).map((z) => z.kind)).to.deep.equal(["fail", "pass", "fail"]);
    const point = chart(5, { min: 5, max: 5, unit: "V" });
    expect(texts(point)).to.include.members(["5 V · pass", "min/max 5 V"]);
  });

  it("shows a missing value as such, without a marker", () => {
    const svg = chart(Number.NaN, { min: 1, unit: "units" });
    expect(markerX(svg)).to.equal(null);
    expect(texts(svg)).to.include("no value");
  });

  it("never writes NaN or Infinity, and keeps every coordinate inside the chart", () => {
    const number = fc.double({ noNaN: true, noDefaultInfinity: true });
    const input: fc.Arbitrary<ChartInput> = fc.record({
      id: fc.constant("p"),
      title: fc.string(),
      value: fc.oneof(number, fc.constant(Number.NaN)),
      unit: fc.constant("u"),
      limits: fc.record(
        { min: number, max: number, marginal: number, unit: fc.constant("u") },
        { requiredKeys: ["unit"] },
      ),
    });
    fc.assert(
      fc.property(input, (i) => {
        const svg = renderChart(i).text;
        const numbers = [...svg.matchAll(/\s(?:x|x1|x2|y|y1|y2|width|height)="([^"]*)"/g)].map(
          (m) => m[1],
        );
        for (const n of numbers)
          expect(Number.isFinite(Number(n)), `${n} in ${svg}`).to.equal(true);
        expect(svg).not.to.match(/="[^"]*(NaN|Infinity)/);
        for (const z of zones(svg)) expect(z.x).to.be.within(8, 592);
        const x = markerX(svg);
        if (x !== null) expect(x).to.be.within(8, 592);
      }),
      RUNS,
    );
  });
});
