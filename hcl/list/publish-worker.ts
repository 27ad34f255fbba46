// A worker thread of `hcl publish`: writes the model pages of the entries it is given.
import { parentPort, workerData } from "node:worker_threads";
import { writeModelPages } from "./publish-pages.js";
import { HclStore } from "./store.js";

const job = workerData as { dir: string; name: string; paths: string[]; staging: string };
parentPort?.postMessage(
  await writeModelPages(new HclStore(job.dir), job.name, job.paths, job.staging),
);
