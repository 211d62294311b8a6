/**
 * A backup file is a tar of two entries: the manifest (chiso-backup.json) first, then the
 * database itself (`database.pgdump`, pg_dump's custom format, or `pgdata.tar.gz`, PGlite's data
 * directory). `tar -xf` opens it by hand; `pg_restore` reads the first by hand too.
 */
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import tar from "tar-stream";
import { CliStop } from "../cli/stop.ts";
import { checkManifest, MANIFEST_ENTRY, type Manifest } from "./manifest.ts";
import { backupMessages as m } from "./messages.ts";

export const PAYLOAD = { postgresql: "database.pgdump", pglite: "pgdata.tar.gz" } as const;

/** Writes the backup to `out` (through `out.partial`, so a failed backup leaves no file under its name). */
export async function writeBackup(out: string, manifest: Manifest, payloadFile: string): Promise<void> {
  const partial = `${out}.partial`;
  const pack = tar.pack();
  const written = pipeline(pack, createWriteStream(partial));
  try {
    const mtime = new Date(manifest.createdAt);
    pack.entry({ name: MANIFEST_ENTRY, mtime }, `${JSON.stringify(manifest, null, 2)}\n`);
    const entry = pack.entry({ name: PAYLOAD[manifest.engine], size: statSync(payloadFile).size, mtime });
    await pipeline(createReadStream(payloadFile), entry);
    pack.finalize();
    await written;
    renameSync(partial, out);
  } catch (error) {
    pack.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Reads a backup: its manifest, checked (an unrelated file or a newer schema stops here, before
 * anything is written), then its database, saved to `payloadTo`.
 */
export async function readBackup(
  file: string,
  payloadTo: string,
  accept: (manifest: Manifest) => void = () => {},
): Promise<Manifest> {
  const extract = tar.extract();
  const source = createReadStream(file);
  source.on("error", (error) => extract.destroy(error));
  source.pipe(extract);
  let manifest: Manifest | null = null;
  try {
    for await (const entry of extract) {
      if (!manifest) {
        const text = entry.header.name === MANIFEST_ENTRY ? await readText(entry) : null;
        manifest = checkManifest(text, file);
        accept(manifest);
      } else if (entry.header.name === PAYLOAD[manifest.engine]) {
        await pipeline(entry, createWriteStream(payloadTo));
        return manifest;
      } else {
        entry.resume();
      }
    }
  } catch (error) {
    if (error instanceof CliStop) throw error;
    throw new CliStop(m.notABackup(file));
  } finally {
    source.destroy();
  }
  throw new CliStop(m.notABackup(file));
}

async function readText(stream: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
