import { createInterface } from "node:readline";

async function firstLineOfStdin(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

/**
 * The password of a user the CLI creates: the first line of standard input with
 * `--password-stdin`, else `CHISO_PASSWORD`. Null (and the reason on standard error) when neither.
 */
export async function passwordFromOperator(values: Record<string, unknown>): Promise<string | null> {
  const password = values["password-stdin"] ? await firstLineOfStdin() : (process.env.CHISO_PASSWORD ?? "");
  if (password) return password;
  process.stderr.write(
    "Đặt CHISO_PASSWORD hoặc dùng --password-stdin / Set CHISO_PASSWORD or use --password-stdin\n",
  );
  return null;
}
