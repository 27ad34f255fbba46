#!/usr/bin/env node
// Bundles the CLI into dist/core/cli-bundle/ with esbuild, after tsc has built dist/: the bin, and
// the three modules hclkit starts as child processes or worker threads (an active test's child,
// the re-evaluation and publishing workers), each an entry so that the code that starts them finds
// them beside itself. Node then loads a few large files instead of ~400 small ones: module
// resolution and loading were most of a command's time (bench/README.md). The folder sits two
// levels under dist/, like dist/core/cli/, so that paths relative to a module (the built-in
// plugins, ../../plugins/) resolve the same. The built-in plugins stay separate files, loaded by
// path as third-party plugins are.
import { build } from "esbuild";

await build({
  entryPoints: {
    bin: "core/cli/bin.ts",
    "test-child": "core/run/test-child.ts",
    "reevaluate-worker": "hcl/list/reevaluate-worker.ts",
    "publish-worker": "hcl/list/publish-worker.ts",
  },
  outdir: "dist/core/cli-bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  tsconfig: "tsconfig.json",
  chunkNames: "[name]-[hash]",
  sourcemap: true,
  logLevel: "warning",
  // CommonJS packages in an ES module bundle reach Node's built-ins through require(), which an ES
  // module lacks; a module-level const would collide with the generated validators' own.
  banner: {
    js: 'import { createRequire as __hclkitCreateRequire } from "node:module"; globalThis.require ??= __hclkitCreateRequire(import.meta.url);',
  },
});
