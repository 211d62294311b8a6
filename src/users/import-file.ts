/**
 * The users of a province as a file (CSV or Excel .xlsx, read by files/row-file.ts): one row per
 * user with its one grant; the columns and their accepted spellings (English or Vietnamese).
 */
import { z } from "zod";
import { roleSchema } from "../access/schema.ts";
import { type FileRow, type RowFileFormat, readRowFile } from "../files/row-file.ts";
import { userFields } from "./schema.ts";

export type UserColumn = "username" | "displayName" | "email" | "role" | "unitCode";
export type UserFileRow = FileRow<UserColumn>;

const aliases: Record<string, UserColumn> = {
  username: "username",
  user: "username",
  tendangnhap: "username",
  tênđăngnhập: "username",
  fullname: "displayName",
  name: "displayName",
  displayname: "displayName",
  hoten: "displayName",
  họtên: "displayName",
  hovaten: "displayName",
  họvàtên: "displayName",
  email: "email",
  thudientu: "email",
  thưđiệntử: "email",
  role: "role",
  vaitro: "role",
  vaitrò: "role",
  unitcode: "unitCode",
  unit: "unitCode",
  madonvi: "unitCode",
  mãđơnvị: "unitCode",
  donvi: "unitCode",
  đơnvị: "unitCode",
};

/** The rows of a user list file; 400 at `file` when it cannot be read, 413 when too large. */
export function readUserFile(bytes: Buffer, format: RowFileFormat): Promise<UserFileRow[]> {
  return readRowFile(bytes, format, {
    aliases,
    key: { column: "username", vi: "tên đăng nhập", en: "the login name" },
  });
}

/** One row as the import checks it: the fields of POST /api/users, with one grant. */
export const userRowSchema = z.object({
  username: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(userFields.username),
  displayName: userFields.displayName,
  email: z
    .email("Địa chỉ thư điện tử không hợp lệ|Not a valid e-mail address")
    .max(200)
    .transform((s) => s.toLowerCase())
    .optional(),
  role: roleSchema,
  unitCode: z.string().max(30),
});
export type UserRow = z.output<typeof userRowSchema>;
