import { z } from "zod";

export const minPasswordLength = 10;

/** A user's own fields as the API takes them; `chiso init` checks the first admin by the same rules. */
export const userFields = {
  username: z
    .string()
    .regex(
      /^[a-z0-9._-]{3,50}$/,
      "Tên đăng nhập gồm 3-50 ký tự a-z, 0-9, . _ -|3-50 characters a-z, 0-9, . _ -",
    ),
  displayName: z.string().min(1).max(200),
  password: z
    .string()
    .min(
      minPasswordLength,
      `Mật khẩu phải có ít nhất ${minPasswordLength} ký tự|The password needs at least ${minPasswordLength} characters`,
    )
    .max(200),
  locale: z.enum(["vi", "en"]).optional(),
};
