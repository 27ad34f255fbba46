import type { CoreTest } from "./core-test.js";
import { booleanParam } from "./params.js";
import {
  describeLocalEnd,
  isListening,
  parseProcNet,
  type ProcNetProtocol,
  type ProcNetSocket,
} from "./parse-proc-net.js";
import { readRootText } from "./root-files.js";

/**
 * The tables read. `/proc/net` is `/proc/self/net`: the sockets of the network namespace of the
 * process reading it (fs/proc/proc_net.c), which is the machine's unless hclkit runs in a
 * container. tcp6 and udp6 exist only when IPv6 is built in or loaded; tcp and udp always do.
 */
const TABLES: readonly { protocol: ProcNetProtocol; required: boolean }[] = [
  { protocol: "tcp", required: true },
  { protocol: "tcp6", required: false },
  { protocol: "udp", required: true },
  { protocol: "udp6", required: false },
];

/**
 * `net.no-listening-ports`: a client hypervisor's host must not accept connections. Every TCP
 * socket in LISTEN and every bound, unconnected UDP socket is a problem, named with its local
 * address and inode.
 *
 * @public
 */
export const netNoListeningPorts: CoreTest = {
  id: "net.no-listening-ports",
  title: "No listening TCP or UDP sockets",
  params: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    additionalProperties: false,
    properties: {
      ignoreLoopback: {
        type: "boolean",
        description:
          "Do not count sockets bound to 127.0.0.0/8 or ::1, which only the machine itself can reach. Default false.",
      },
    },
  },
  measures: { name: "listening", unit: "sockets" },
  live: true,
  timeoutSec: 30,
  async run(context) {
    const ignoreLoopback = booleanParam(context.params, "ignoreLoopback", false);
    const notes: string[] = [];
    const sockets: ProcNetSocket[] = [];
    for (const { protocol, required } of TABLES) {
      const file = `/proc/net/${protocol}`;
      const text = await readRootText(context.root, file);
      if (text === null) {
        if (required)
          throw new Error(`${file} does not exist under ${context.root}: is /proc mounted?`);
        notes.push(`${file} does not exist: IPv6 is not enabled, no ${protocol} sockets`);
        continue;
      }
      const table = parseProcNet(text, file, protocol);
      context.log(`${file}: ${table.length} sockets`);
      sockets.push(...table);
    }
    const listening = sockets.filter(isListening);
    const counted = ignoreLoopback ? listening.filter((s) => !s.loopback) : listening;
    if (ignoreLoopback && counted.length < listening.length)
      notes.push(
        `${listening.length - counted.length} listening sockets on loopback addresses not counted (ignoreLoopback)`,
      );
    const problems = counted.map((s) => `${describeLocalEnd(s)} (inode ${s.inode})`);
    for (const problem of problems) context.log(`listening: ${problem}`);
    notes.unshift(`${sockets.length} sockets read, ${listening.length} listening`);
    return {
      measurements: [{ name: "listening", value: counted.length, unit: "sockets" }],
      notes,
      problems,
    };
  },
};
