import { systemActor } from "../audit/audit.ts";
import { AppError } from "../errors/app-error.ts";
import { initialise } from "../setup/service.ts";
import { withDatabase } from "./database.ts";
import { passwordFromOperator } from "./password.ts";
import { missing } from "./usage.ts";

/** The flag that gave each field, so a refused value is named as the operator typed it. */
const flagOf: Record<string, string> = {
  "province.code": "--code",
  "province.nameVi": "--name",
  "province.nameEn": "--name-en",
  "province.type": "--type",
  "province.validFrom": "--valid-from",
  "admin.username": "--admin",
  "admin.displayName": "--admin-name",
  "admin.password": "CHISO_PASSWORD / --password-stdin",
};

function withFlags(error: AppError): AppError {
  const details = error.details.map((d) => ({ ...d, path: flagOf[d.path] ?? d.path }));
  return new AppError(error.code, error.params, details, error.body);
}

/**
 * `chiso init`: the first run of a real install, the province (the root unit) and its first
 * admin in one transaction (src/setup/service.ts, as POST /api/setup). Exit 1, with one line in
 * both languages, when the database already has a user or a unit.
 */
export async function init(values: Record<string, unknown>): Promise<number> {
  const text = (name: string) => values[name] as string | undefined;
  const code = text("code");
  const name = text("name");
  const admin = text("admin");
  const adminName = text("admin-name");
  if (!code || !name || !admin || !adminName)
    throw missing({ "--code": code, "--name": name, "--admin": admin, "--admin-name": adminName });
  const password = await passwordFromOperator(values);
  if (password === null) return 2;
  try {
    const created = await withDatabase((database) =>
      initialise(database.db, systemActor("cli"), {
        province: {
          code,
          nameVi: name,
          nameEn: text("name-en") ?? null,
          type: text("type"),
          validFrom: text("valid-from"),
        },
        admin: { username: admin, displayName: adminName, password },
      }),
    );
    const p = created.province;
    process.stdout.write(
      `Đã khởi tạo / Set up: ${p.code} ${p.nameVi} (từ / from ${p.validFrom}); ` +
        `quản trị / admin: ${created.admin.username} (id ${created.admin.id})\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === "ALREADY_INITIALISED") {
      process.stderr.write(`${error.messageVi} / ${error.messageEn}\n`);
      return 1;
    }
    if (error instanceof AppError && error.code === "VALIDATION_FAILED") throw withFlags(error);
    throw error;
  }
}
