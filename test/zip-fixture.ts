import { createDeflateRaw, deflateRawSync } from "node:zlib";

/**
 * A one-part zip (deflated) of the packed (raw deflate) bytes. `declaredSize` is the size its
 * headers claim.
 */
function zipOfPacked(name: string, packed: Buffer, declaredSize: number): Buffer {
  const file = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(file.length, 28);
  central.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(local.length + file.length + packed.length, 16);
  return Buffer.concat([local, file, packed, central, file, end]);
}

/**
 * A one-part zip (deflated) whose part unpacks to `data`. `declaredSize` is the size its headers
 * claim: pass a smaller one for a zip that lies about its size.
 */
export function zipOf(name: string, data: Buffer, declaredSize = data.length): Buffer {
  return zipOfPacked(name, deflateRawSync(data, { level: 9 }), declaredSize);
}

/**
 * A zip that lies: its one part declares `declaredSize` bytes but inflates to `head` followed by
 * `inflated` bytes of "x", deflated as a stream (never in memory whole).
 */
export async function lyingZip(name: string, head: string, inflated: number, declaredSize = 1000) {
  const deflate = createDeflateRaw({ level: 9 });
  const packed: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => packed.push(chunk));
  const ended = new Promise((resolve) => deflate.on("end", resolve));
  deflate.write(head);
  const chunk = Buffer.alloc(1 << 20, 0x78);
  for (let left = inflated; left > 0; left -= chunk.length) {
    const ok = deflate.write(left >= chunk.length ? chunk : chunk.subarray(0, left));
    if (!ok) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await ended;
  return zipOfPacked(name, Buffer.concat(packed), declaredSize);
}
