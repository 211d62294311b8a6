import { execFileSync } from "node:child_process";
import { appendFileSync, chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { freePort } from "../src/scale/server-process.ts";

/**
 * A PostgreSQL primary and a streaming hot standby of it, made for one test on this machine: initdb
 * on a free port, a physical replication slot, pg_basebackup -R of it started on another port.
 * Run as the postgres OS user (runuser from root), with the server's binaries (CHISO_PG_BIN, else
 * Debian's PostgreSQL 15). Nothing of the machine's own server is touched.
 */
export interface ReplicaPair {
  primaryUrl: string;
  replicaUrl: string;
  stop(): void;
}

const bin = process.env.CHISO_PG_BIN ?? "/usr/lib/postgresql/15/bin";

function asPostgres(tool: string, args: string[]): string {
  const path = join(bin, tool);
  const [file, argv]: [string, string[]] =
    userInfo().uid === 0 ? ["runuser", ["-u", "postgres", "--", path, ...args]] : [path, args];
  return execFileSync(file, argv, { encoding: "utf8", cwd: "/", stdio: "pipe" });
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  const dir = mkdtempSync(join(tmpdir(), "chiso-replica-"));
  chmodSync(dir, 0o777);
  const primary = join(dir, "primary");
  const replica = join(dir, "replica");
  const [p1, p2] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stop = () => {
    for (const data of started.reverse()) {
      try {
        asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    asPostgres("initdb", ["-D", primary, "-A", "trust", "-U", "postgres", "--no-sync"]);
    appendFileSync(
      join(primary, "postgresql.conf"),
      [
        `port = ${p1}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        "wal_level = replica",
        "max_wal_senders = 4",
        "max_replication_slots = 4",
        "shared_buffers = 32MB",
        "fsync = off",
        "",
      ].join("\n"),
    );
    appendFileSync(join(primary, "pg_hba.conf"), "host replication all 127.0.0.1/32 trust\n");
    asPostgres("pg_ctl", ["-D", primary, "-l", join(dir, "primary.log"), "-w", "start"]);
    started.push(primary);
    const at = ["-h", "127.0.0.1", "-p", String(p1), "-U", "postgres"];
    asPostgres("psql", [...at, "-Atc", "select pg_create_physical_replication_slot('chiso_replica')"]);
    asPostgres("pg_basebackup", [...at, "-D", replica, "-S", "chiso_replica", "-R", "-X", "stream"]);
    appendFileSync(join(replica, "postgresql.conf"), `port = ${p2}\nhot_standby = on\n`);
    asPostgres("pg_ctl", ["-D", replica, "-l", join(dir, "replica.log"), "-w", "start"]);
    started.push(replica);
  } catch (error) {
    stop();
    throw error;
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${p1}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${p2}/postgres`,
    stop,
  };
}
