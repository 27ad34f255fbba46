import { expect } from "chai";
import fc from "fast-check";
import {
  chartDomain,
  chartZones,
  classify,
  linearScale,
  placeLabels,
  thresholds,
  zoneWordAt,
  type Zone,
} from "../../../../../hcl/report/html/chart-geometry.js";
import type { Limits } from "../../../../../core/suite/suite-schema.js";
import { RUNS } from "../../../../helpers/mutations.js";

const kinds = (zones: readonly Zone[]) => zones.map((z) => z.kind);
const zonesFor = (value: number, limits: Limits) => chartZones(limits, chartDomain(value, limits));

/** Limits as suites write them, and as a hand-edited report might hold them. */
const number = fc.double({ noNaN: true, noDefaultInfinity: true });
const limitsArb: fc.Arbitrary<Limits> = fc.record(
  { min: number, max: number, marginal: number, unit: fc.constantFrom("MB/s", "MiB", "sockets") },
  { requiredKeys: ["unit"] },
);

describe("hcl/report/html/chart-geometry", () => {
  it("splits the axis into fail, marginal and pass zones, left to right, as suites use limits", () => {
    // cvp-1.0: memory.capacity, min 2048 marginal 3072 MiB.
    expect(kinds(zonesFor(7936, { min: 2048, marginal: 3072, unit: "MiB" }))).to.deep.equal([
      "fail",
      "marginal",
      "pass",
    ]);
    // net.no-listening-ports: max 0 sockets.
    expect(kinds(zonesFor(0, { max: 0, unit: "sockets" }))).to.deep.equal(["pass", "fail"]);
    expect(kinds(zonesFor(30, { max: 50, marginal: 40, unit: "ms" }))).to.deep.equal([
      "pass",
      "marginal",
      "fail",
    ]);
    expect(kinds(zonesFor(5, { min: 1, max: 9, unit: "V" }))).to.deep.equal([
      "fail",
      "pass",
      "fail",
    ]);
  });

  it("puts the zone boundaries exactly on the limits", () => {
    const zones = zonesFor(95, { min: 60, marginal: 80, unit: "MB/s" });
    expect(zones.map((z) => z.to).slice(0, 2)).to.deep.equal([60, 80]);
    expect(zones[0]?.from).to.equal(0);
  });

  it("starts the axis at 0 for positive limits, and leaves room below a limit of 0 or less", () => {
    expect(chartDomain(7936, { min: 2048, marginal: 3072, unit: "MiB" }).lo).to.equal(0);
    const sockets = chartDomain(0, { max: 0, unit: "sockets" });
    expect(sockets.lo).to.be.below(0);
    expect(sockets.hi).to.be.above(0);
    const negative = chartDomain(-7, { min: -10, max: -5, unit: "dB" });
    expect(negative.lo).to.be.below(-10);
    expect(negative.hi).to.be.above(-5);
  });

  it("widens the axis to show a value near its limits, but not one far outside", () => {
    const limits: Limits = { min: 60, marginal: 80, unit: "MB/s" };
    const near = chartDomain(300, limits);
    expect(near.hi).to.be.above(300);
    const far = chartDomain(1e9, limits);
    expect(far.hi).to.be.below(1e9);
    expect(far.hi).to.be.at.most(80 + 10 * 80);
    const below = chartDomain(-1e9, limits);
    expect(below.lo).to.be.above(-1e9);
  });

  it("judges a zone as the verdict judges a value in it (the same rule, judgeMeasurement)", () => {
    fc.assert(
      fc.property(
        limitsArb,
        number,
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (limits, value, t) => {
          const domain = chartDomain(value, limits);
          for (const zone of chartZones(limits, domain)) {
            const inside = zone.from + (zone.to - zone.from) * t;
            if (inside > zone.from && inside < zone.to && !thresholds(limits).includes(inside))
              expect(classify(inside, limits), JSON.stringify({ limits, zone, inside })).to.equal(
                zone.kind,
              );
          }
        },
      ),
      RUNS,
    );
  });

  it("always gives a finite axis, and zones that are ordered, contiguous and cover it", () => {
    fc.assert(
      fc.property(limitsArb, fc.oneof(number, fc.constant(Number.NaN)), (limits, value) => {
        const domain = chartDomain(value, limits);
        expect(Number.isFinite(domain.lo) && Number.isFinite(domain.hi)).to.equal(true);
        expect(domain.lo).to.be.below(domain.hi);
        const zones = chartZones(limits, domain);
        expect(zones[0]?.from).to.equal(domain.lo);
        expect(zones[zones.length - 1]?.to).to.equal(domain.hi);
        zones.forEach((z, i) => {
          expect(z.from).to.be.below(z.to);
          if (i > 0) {
            expect(z.from).to.equal(zones[i - 1]?.to);
            expect(z.kind).not.to.equal(zones[i - 1]?.kind);
          }
        });
      }),
      RUNS,
    );
  });

  it("scales linearly, clamps what is outside to the edges, and never gives NaN", () => {
    const x = linearScale({ lo: 0, hi: 100 }, 10, 210);
    expect([x(0), x(50), x(100), x(-5), x(1e9)]).to.deep.equal([10, 110, 210, 10, 210]);
    expect(x(Number.NaN)).to.equal(110);
    expect(linearScale({ lo: 1, hi: 1 }, 0, 100)(1)).to.equal(50);
  });

  it("places labels inside the chart and moves one that would overlap to the next row", () => {
    const options = { left: 8, right: 592, fontSize: 13, maxRows: 3 };
    const placed = placeLabels(
      [
        { text: "marginal 3 units", at: 300 },
        { text: "min 1 units", at: 290 },
        { text: "max 9 units", at: 599 },
      ],
      options,
    );
    expect(placed.map((l) => l.text)).to.deep.equal([
      "min 1 units",
      "marginal 3 units",
      "max 9 units",
    ]);
    expect(placed.map((l) => l.row)).to.deep.equal([0, 1, 0]);
    for (const l of placed) {
      expect(l.x).to.be.at.least(8);
      expect(l.x + l.width).to.be.at.most(592);
    }
  });

  it("never overlaps two labels of one row", () => {
    const label = fc.record({
      text: fc.string({ minLength: 1, maxLength: 20 }),
      at: fc.double({ min: 0, max: 600, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(label, { maxLength: 3 }), (labels) => {
        const placed = placeLabels(labels, { left: 8, right: 592, fontSize: 13, maxRows: 3 });
        for (const a of placed)
          for (const b of placed)
            if (a !== b && a.row === b.row && a.width < 584 && b.width < 584)
              expect(a.x + a.width <= b.x || b.x + b.width <= a.x, JSON.stringify(placed)).to.equal(
                true,
              );
      }),
      RUNS,
    );
  });

  it("keeps a zone's word clear of the value marker, or leaves it out", () => {
    expect(zoneWordAt(0, 200, 40, null)).to.equal(100);
    expect(zoneWordAt(0, 200, 40, 500)).to.equal(100);
    const moved = zoneWordAt(0, 200, 40, 100) as number;
    expect(Math.abs(moved - 100)).to.be.above(20);
    expect(zoneWordAt(0, 30, 40, null)).to.equal(null);
    expect(zoneWordAt(0, 60, 40, 30)).to.equal(null);
  });
});
