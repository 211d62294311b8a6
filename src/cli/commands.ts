import type { ParseArgsConfig } from "node:util";

export interface Command {
  /** Its lines of the help: the call, then what it does (Vietnamese / English). */
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

// Each command loads its own modules when run, so `chiso import` does not start the web server's code.
export const commands: Record<string, Command> = {
  serve: {
    usage: `  chiso serve [--demo-if-empty]     chạy máy chủ / run the server (PORT, HOST, DATABASE_URL, CHISO_DATA_DIR)`,
    options: { "demo-if-empty": { type: "boolean" } },
    run: async (v) => (await import("./serve.ts")).serve(v),
  },
  migrate: {
    usage: `  chiso migrate [--dry-run]         áp dụng migration (--dry-run: chỉ liệt kê) / apply database migrations (--dry-run: list them)`,
    options: { "dry-run": { type: "boolean" } },
    run: async (v) => (await import("./database.ts")).migrate(v),
  },
  demo: {
    usage: `  chiso demo                        nạp dữ liệu mẫu Đồng Tháp 2023 / load the Đồng Tháp 2023 demo`,
    options: {},
    run: async () => (await import("./database.ts")).demo(),
  },
  init: {
    usage: `  chiso init --code 82 --name "Tỉnh Đồng Tháp" [--name-en N] [--type tỉnh] [--valid-from YYYY-MM-DD]
            --admin U --admin-name "Họ tên"
                                    lần chạy đầu: tỉnh và quản trị viên đầu tiên; mật khẩu từ CHISO_PASSWORD
                                    hoặc --password-stdin / first run: the province and its first admin`,
    options: {
      code: { type: "string" },
      name: { type: "string" },
      "name-en": { type: "string" },
      type: { type: "string" },
      "valid-from": { type: "string" },
      admin: { type: "string" },
      "admin-name": { type: "string" },
      "password-stdin": { type: "boolean" },
    },
    run: async (v) => (await import("./init.ts")).init(v),
  },
  backup: {
    usage: `  chiso backup [-o FILE]            sao lưu cơ sở dữ liệu vào một tệp / back the database up to one file`,
    options: { output: { type: "string", short: "o" } },
    run: async (v) => (await import("../backup/cli.ts")).backupCommand(v),
  },
  restore: {
    usage: `  chiso restore FILE [--force]      khôi phục bản sao lưu (--force: thay dữ liệu đang có) / restore a backup`,
    options: { force: { type: "boolean" } },
    run: async (v, p) => (await import("../backup/cli.ts")).restoreCommand(v, p),
  },
  "migrate-to-postgres": {
    usage: `  chiso migrate-to-postgres URL [--force]
                                    chuyển cơ sở dữ liệu nhúng sang PostgreSQL / move the embedded database to PostgreSQL`,
    options: { force: { type: "boolean" } },
    run: async (v, p) => (await import("../backup/cli.ts")).migrateToPostgresCommand(v, p),
  },
  "rollups rebuild": {
    usage: `  chiso rollups rebuild             tính lại số liệu tổng hợp sẵn / rebuild analytics roll-ups`,
    options: {},
    run: async () => (await import("../analytics/cli.ts")).rollupsRebuild(),
  },
  "rollups verify": {
    usage: `  chiso rollups verify              so với bản tính lại, liệt kê khác biệt / compare roll-ups with a rebuild`,
    options: {},
    run: async () => (await import("../analytics/cli.ts")).rollupsVerify(),
  },
  "units import": {
    usage: `  chiso units import FILE [--dry-run]
                                    nạp danh mục đơn vị từ CSV hoặc Excel, tất cả hoặc không; chạy lại
                                    không đổi gì / load the unit list (CSV or .xlsx), all or nothing, idempotent`,
    options: { "dry-run": { type: "boolean" } },
    run: async (v, p) => (await import("./units.ts")).unitsImport(v, p),
  },
  "units reform": {
    usage: `  chiso units reform FILE [--dry-run]
                                    sắp xếp lại đơn vị (sáp nhập, chia tách, bãi bỏ cấp) trong một giao dịch;
                                    xem trước, chạy lại không đổi gì / a reorganisation in one transaction,
                                    previewed, idempotent`,
    options: { "dry-run": { type: "boolean" } },
    run: async (v, p) => (await import("./units.ts")).unitsReform(v, p),
  },
  "users import": {
    usage: `  chiso users import FILE [--dry-run] [--links OUT.csv]
                                    nạp người dùng (username, full_name, email, role, unit_code), mỗi người một
                                    liên kết đặt mật khẩu dùng một lần / load users, each with a one-time
                                    password link; all or nothing, idempotent`,
    options: { "dry-run": { type: "boolean" }, links: { type: "string" } },
    run: async (v, p) => (await import("./users.ts")).usersImport(v, p),
  },
  "users password-link": {
    usage: `  chiso users password-link USERNAME [--links OUT.csv]
                                    cấp liên kết đặt mật khẩu mới / issue a fresh password link`,
    options: { links: { type: "string" } },
    run: async (v, p) => (await import("./users.ts")).usersPasswordLink(v, p),
  },
  "setup export": {
    usage: `  chiso setup export [--form CODE ...] [-o FILE]
                                    xuất biểu mẫu, chỉ số và quy tắc ra tệp JSON / export forms with their
                                    metrics and rules as a setup bundle (JSON)`,
    options: { form: { type: "string", multiple: true }, output: { type: "string", short: "o" } },
    run: async (v) => (await import("./setup.ts")).setupExport(v),
  },
  "setup import": {
    usage: `  chiso setup import FILE [--dry-run]
                                    nạp gói thiết lập, tất cả hoặc không; chạy lại không đổi gì / load a
                                    setup bundle, all or nothing, idempotent`,
    options: { "dry-run": { type: "boolean" } },
    run: async (v, p) => (await import("./setup.ts")).setupImport(v, p),
  },
  "user add": {
    usage: `  chiso user add --username U --name "Họ tên" --role ROLE --unit CODE [--role R --unit C ...]
                                    tạo người dùng; mật khẩu từ CHISO_PASSWORD hoặc nhập / create a user`,
    options: {
      username: { type: "string" },
      name: { type: "string" },
      role: { type: "string", multiple: true },
      unit: { type: "string", multiple: true },
      "password-stdin": { type: "boolean" },
    },
    run: async (v) => (await import("./user.ts")).userAdd(v),
  },
  import: {
    usage: `  chiso import FILE [--dry-run] [--partial] [--data-set FORM]
                                    nhập dataValueSets JSON, CSV hoặc Excel / import dataValueSets JSON, CSV or Excel`,
    options: {
      "dry-run": { type: "boolean" },
      partial: { type: "boolean" },
      "data-set": { type: "string" },
      approve: { type: "boolean" },
      reason: { type: "string" },
    },
    run: async (v, p) => (await import("./exchange.ts")).importCommand(v, p),
  },
  export: {
    usage: `  chiso export --data-set FORM --period PE [--unit CODE] [--children] [--format json|csv] [-o FILE]
                                    xuất dữ liệu / export data values`,
    options: {
      "data-set": { type: "string" },
      period: { type: "string", multiple: true },
      unit: { type: "string", multiple: true },
      children: { type: "boolean" },
      "include-unapproved": { type: "boolean" },
      format: { type: "string" },
      output: { type: "string", short: "o" },
    },
    run: async (v) => (await import("./exchange.ts")).exportCommand(v),
  },
  report: {
    usage: `  chiso report --plan CODE --period 202309 [--format md|docx|pdf|xlsx] [--lang vi|en] [-o FILE]
                                    báo cáo kết quả thực hiện kế hoạch / the plan report`,
    options: {
      plan: { type: "string" },
      period: { type: "string" },
      format: { type: "string" },
      lang: { type: "string" },
      output: { type: "string", short: "o" },
    },
    run: async (v) => (await import("../reports/cli.ts")).reportCommand(v),
  },
  ranking: {
    usage: `  chiso ranking --assessment CODE [--format md|xlsx|docx] [--group G] [-o FILE]
                                    bảng xếp hạng chỉ số CĐS / the index ranking of every group`,
    options: {
      assessment: { type: "string" },
      format: { type: "string" },
      group: { type: "string" },
      output: { type: "string", short: "o" },
    },
    run: async (v) => (await import("../assessments/cli.ts")).rankingCommand(v),
  },
};
