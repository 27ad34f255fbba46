import { expect } from "chai";
import { createAjv } from "../../../../../core/schema/ajv.js";
import { CORE_TESTS } from "../../../../../core/run/tests/registry.js";

describe("CORE_TESTS", () => {
  it("lists the core tests once each, sorted by id", () => {
    expect(CORE_TESTS.map((t) => t.id)).to.deep.equal([
      "crypto.aes-throughput",
      "memory.capacity",
      "net.no-listening-ports",
      "power.lid-switch",
      "power.suspend-resume",
      "storage.read-throughput",
      "tpm.capabilities",
      "tpm.pcr-read",
      "tpm.random",
      "tpm.selftest",
      "wifi.scan",
    ]);
  });

  it("needs the live machine for every test but memory.capacity, and only suspend disrupts it", () => {
    expect(CORE_TESTS.filter((t) => !t.live).map((t) => t.id)).to.deep.equal(["memory.capacity"]);
    expect(CORE_TESTS.filter((t) => t.disruptive === true).map((t) => t.id)).to.deep.equal([
      "power.suspend-resume",
    ]);
    expect(CORE_TESTS.filter((t) => t.transition !== undefined).map((t) => t.id)).to.deep.equal([
      "power.suspend-resume",
    ]);
  });

  for (const test of CORE_TESTS)
    it(`${test.id}: a strict draft-07 params schema, closed, with every default documented`, () => {
      expect(test.params).to.include({ type: "object", additionalProperties: false });
      expect(test.timeoutSec).to.be.greaterThan(0);
      const validate = createAjv().compile(test.params);
      expect(validate({ unknownParam: 1 })).to.equal(false);
      const properties = test.params["properties"] as Record<string, { description?: string }>;
      for (const [name, schema] of Object.entries(properties))
        expect(schema.description, `${test.id} params.${name}`).to.be.a("string").and.not.equal("");
    });

  it("requires params.path when storage.read-throughput's target is path", () => {
    const storage = CORE_TESTS.find((t) => t.id === "storage.read-throughput");
    const validate = createAjv().compile(storage?.params ?? {});
    expect(validate({ target: "path" })).to.equal(false);
    expect(validate({ target: "path", path: "/dev/sdb" })).to.equal(true);
    expect(validate({ target: "esata", sizeMiB: 256 })).to.equal(true);
    expect(validate({ target: "usb" })).to.equal(false);
    expect(validate({ target: "esata", blockKiB: 6 })).to.equal(false);
    expect(validate({})).to.equal(false);
  });
});
