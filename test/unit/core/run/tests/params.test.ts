import { expect } from "chai";
import {
  booleanParam,
  integerParam,
  numberParam,
  stringParam,
} from "../../../../../core/run/tests/params.js";

describe("test params", () => {
  const params = { size: 64, ratio: 0.5, name: "wlan0", flag: true, wrong: "64" };

  it("gives the value, or the default when the requirement leaves it out", () => {
    expect(integerParam(params, "size", 1)).to.equal(64);
    expect(integerParam(params, "other", 1)).to.equal(1);
    expect(numberParam(params, "ratio", 1)).to.equal(0.5);
    expect(stringParam(params, "name")).to.equal("wlan0");
    expect(stringParam(params, "other")).to.equal(undefined);
    expect(booleanParam(params, "flag", false)).to.equal(true);
    expect(booleanParam(params, "other", false)).to.equal(false);
  });

  it("throws on a value of the wrong type, naming the param", () => {
    expect(() => integerParam(params, "wrong", 1)).to.throw(
      'param wrong is "64", expected an integer',
    );
    expect(() => integerParam(params, "ratio", 1)).to.throw(
      "param ratio is 0.5, expected an integer",
    );
    expect(() => numberParam(params, "wrong", 1)).to.throw(/expected a number/);
    expect(() => stringParam(params, "size")).to.throw("param size is 64, expected a string");
    expect(() => booleanParam(params, "size", false)).to.throw(/expected true or false/);
  });
});
