import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

/**
 * CPU time used by the app server, PostgreSQL and this load generator while a benchmark runs, read
 * from /proc (Linux only; elsewhere the figures are left out). On a small machine the three share
 * the cores, so this tells which of them is the limit.
 */

type TProc = { ppid: number; comm: string; ticks: number };

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

function readProcs(): Map<number, TProc> {
  const procs = new Map<number, TProc>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return procs;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // comm is in parentheses and may contain spaces: split after the last ')'.
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      // fields[0] is state (field 3); ppid is field 4, utime 14, stime 15, cutime 16, cstime 17. The
      // reaped children's time counts too, so short-lived processes (a test run's workers) show up
      // under their parent.
      procs.set(Number(name), { ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) });
    } catch {
      // the process exited while we read
    }
  }
  return procs;
}

function machineTicks(): { busy: number; steal: number; total: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    // user nice system idle iowait irq softirq steal (guest time is already inside user and nice)
    const v = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    const steal = v[7] ?? 0;
    return { busy: total - idle - steal, steal, total };
  } catch {
    return null;
  }
}

function descendants(procs: Map<number, TProc>, root: number): Set<number> {
  const out = new Set<number>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of procs) {
      if (!out.has(pid) && out.has(p.ppid)) {
        out.add(pid);
        grew = true;
      }
    }
  }
  return out;
}

export type TCpuSnapshot = { at: number; procs: Map<number, TProc>; machine: ReturnType<typeof machineTicks>; self: NodeJS.CpuUsage };

export function cpuSnapshot(): TCpuSnapshot {
  return { at: performance.now(), procs: readProcs(), machine: machineTicks(), self: process.cpuUsage() };
}

/** Cores used (1.0 = one core busy all the time) by each party between two snapshots. */
export type TCpuUse = {
  app: number;
  postgres: number;
  generator: number;
  /** Other processes on the machine (other people's builds and tests show up here). */
  others: number;
  /**
   * Busy time charged to no process alive at the end: mostly the kernel's interrupt work
   * (loopback networking), and processes whose parent also ended within the window.
   */
  unattributed: number | null;
  /** Time the hypervisor gave to other virtual machines. */
  steal: number | null;
  /** The busiest other processes by name, in cores. */
  topOthers: Array<[string, number]>;
  machineBusy: number | null;
  cores: number;
};

/** The postmaster whose command line names `dataDir` (an embedded server), if any. */
export function findPostmaster(dataDir: string): number | undefined {
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0");
      if (cmd.some((a) => a === dataDir || a.startsWith(`${dataDir}/`)) && cmd[0]?.endsWith("postgres")) return Number(name);
    } catch {
      // gone
    }
  }
  return undefined;
}

/**
 * `postmasterPid` limits PostgreSQL to that server's processes; without it every process named
 * postgres counts (an external server on this machine may be shared with others).
 */
export function cpuBetween(a: TCpuSnapshot, b: TCpuSnapshot, serverPids: number | Array<number | undefined> | undefined, postmasterPid?: number): TCpuUse | null {
  if (b.procs.size === 0) return null;
  const seconds = (b.at - a.at) / 1000;
  const hz = ticksPerSecond();
  const sum = (pids: Iterable<number>) => {
    let ticks = 0;
    for (const pid of pids) {
      const after = b.procs.get(pid);
      if (!after) continue;
      ticks += after.ticks - (a.procs.get(pid)?.ticks ?? 0);
    }
    return ticks / hz / seconds;
  };
  const appPids = new Set<number>();
  for (const pid of ([] as Array<number | undefined>).concat(serverPids)) if (pid) for (const d of descendants(b.procs, pid)) appPids.add(d);
  const pgPids = postmasterPid ? descendants(b.procs, postmasterPid) : new Set([...b.procs].filter(([, p]) => p.comm === "postgres").map(([pid]) => pid));
  const app = sum(appPids);
  const postgres = sum(pgPids);
  const byName = new Map<string, number>();
  let others = 0;
  for (const [pid, p] of b.procs) {
    if (appPids.has(pid) || pgPids.has(pid) || pid === process.pid) continue;
    const used = sum([pid]);
    others += used;
    if (used > 0) byName.set(p.comm, (byName.get(p.comm) ?? 0) + used);
  }
  const topOthers = [...byName].sort(([, x], [, y]) => y - x).slice(0, 3);
  const self = (b.self.user + b.self.system - a.self.user - a.self.system) / 1e6 / seconds;
  const machineBusy = a.machine && b.machine ? (b.machine.busy - a.machine.busy) / Math.max(1, b.machine.total - a.machine.total) : null;
  const cores = os.cpus().length;
  const unattributed = machineBusy === null ? null : Math.max(0, machineBusy * cores - app - postgres - self - others);
  const steal = a.machine && b.machine ? ((b.machine.steal - a.machine.steal) / Math.max(1, b.machine.total - a.machine.total)) * cores : null;
  return { app, postgres, generator: self, others, unattributed, steal, topOthers, machineBusy, cores };
}
