import os from "node:os";

export type TMachine = { cpu: string; cores: number; memory: string; os: string; node: string; postgres: string };

export function machineInfo(postgresVersion: string): TMachine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    postgres: postgresVersion,
  };
}

export function machineLines(m: TMachine): string[] {
  return [
    `CPU: ${m.cpu}, ${m.cores} cores`,
    `Memory: ${m.memory}`,
    `OS: ${m.os}`,
    `Node: ${m.node}`,
    `PostgreSQL: ${m.postgres}`,
  ];
}
