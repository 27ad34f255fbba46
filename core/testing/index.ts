/**
 * `hclkit/testing`: the harness plugin authors test their drivers with.
 *
 * @packageDocumentation
 */
export {
  PluginTester,
  type PluginTestCase,
  type PluginTesterOptions,
  type DeepPartial,
} from "./plugin-tester.js";
export { comparePartial, formatMismatches, type Mismatch } from "./compare.js";
