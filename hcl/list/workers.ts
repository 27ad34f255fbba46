import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * How many worker threads a job of `items` should use: the count asked for (at most one per
 * item), else one per core once each would get at least `threshold` items — below that, starting
 * a worker costs more than it saves.
 *
 * @public
 */
export function workerCount(items: number, threshold: number, requested?: number): number {
  if (requested !== undefined) return Math.min(requested, items);
  const cores =
    typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.min(cores, Math.ceil(items / threshold));
}

/** `items` cut into `parts` consecutive slices of (nearly) equal size, in order. @public */
export function slices<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * Runs the worker module `name` (a sibling of `from`: the `.ts` file under tsx, the `.js` file in
 * dist/ or the bundled CLI's entry of that name) once per data item, in parallel, and gives their
 * one message each, in order. A worker that throws or exits without answering rejects.
 *
 * @public
 */
export function inWorkers<D, R>(from: string, name: string, data: readonly D[]): Promise<R[]> {
  const module = new URL(`./${name}${fileURLToPath(from).endsWith(".ts") ? ".ts" : ".js"}`, from);
  return Promise.all(
    data.map(
      (workerData) =>
        new Promise<R>((resolve, reject) => {
          const worker = new Worker(module, { workerData });
          worker.once("message", (m: R) => resolve(m));
          worker.once("error", reject);
          worker.once("exit", (code) => {
            if (code !== 0) reject(new Error(`worker ${name} exited with code ${code}`));
          });
        }),
    ),
  );
}
