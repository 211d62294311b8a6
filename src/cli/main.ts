import { parseArgs } from "node:util";
import { startClockAt } from "../config/clock.ts";
import { loadConfig } from "../config/config.ts";
import { AppError } from "../errors/app-error.ts";
import { commands } from "./commands.ts";
import { CliStop } from "./stop.ts";

const usage = `chiso — nền tảng theo dõi chuyển đổi số / digital-transformation tracking

Lệnh / Commands:
  chiso serve [--demo-if-empty]     chạy máy chủ / run the server (PORT, HOST, DATABASE_URL, CHISO_DATA_DIR)
  chiso migrate [--dry-run]         áp dụng migration (--dry-run: chỉ liệt kê) / apply database migrations (--dry-run: list them)
  chiso backup [-o FILE]            sao lưu cơ sở dữ liệu vào một tệp / back the database up to one file
  chiso restore FILE [--force]      khôi phục bản sao lưu (--force: thay dữ liệu đang có) / restore a backup
  chiso migrate-to-postgres URL [--force]
                                    chuyển cơ sở dữ liệu nhúng sang PostgreSQL / move the embedded database to PostgreSQL
  chiso demo                        nạp dữ liệu mẫu Đồng Tháp 2023 / load the Đồng Tháp 2023 demo
  chiso rollups rebuild             tính lại số liệu tổng hợp sẵn / rebuild analytics roll-ups
  chiso rollups verify              so với bản tính lại, liệt kê khác biệt / compare roll-ups with a rebuild
  chiso init --code 82 --name "Tỉnh Đồng Tháp" [--name-en N] [--type tỉnh] [--valid-from YYYY-MM-DD]
            --admin U --admin-name "Họ tên"
                                    lần chạy đầu: tỉnh và quản trị viên đầu tiên; mật khẩu từ CHISO_PASSWORD
                                    hoặc --password-stdin / first run: the province and its first admin
  chiso units import FILE [--dry-run]
                                    nạp danh mục đơn vị từ CSV hoặc Excel, tất cả hoặc không; chạy lại
                                    không đổi gì / load the unit list (CSV or .xlsx), all or nothing, idempotent
  chiso units reform FILE [--dry-run]
                                    sắp xếp lại đơn vị (sáp nhập, chia tách, bãi bỏ cấp) trong một giao dịch;
                                    xem trước, chạy lại không đổi gì / a reorganisation in one transaction,
                                    previewed, idempotent
  chiso users import FILE [--dry-run] [--links OUT.csv]
                                    nạp người dùng (username, full_name, email, role, unit_code), mỗi người một
                                    liên kết đặt mật khẩu dùng một lần / load users, each with a one-time
                                    password link; all or nothing, idempotent
  chiso users password-link USERNAME [--links OUT.csv]
                                    cấp liên kết đặt mật khẩu mới / issue a fresh password link
  chiso user add --username U --name "Họ tên" --role ROLE --unit CODE [--role R --unit C ...]
                                    tạo người dùng; mật khẩu từ CHISO_PASSWORD hoặc nhập / create a user
  chiso import FILE [--dry-run] [--partial] [--data-set FORM]
                                    nhập dataValueSets JSON, CSV hoặc Excel / import dataValueSets JSON, CSV or Excel
  chiso export --data-set FORM --period PE [--unit CODE] [--children] [--format json|csv] [-o FILE]
                                    xuất dữ liệu / export data values
  chiso report --plan CODE --period 202309 [--format md|docx|pdf|xlsx] [--lang vi|en] [-o FILE]
                                    báo cáo kết quả thực hiện kế hoạch / the plan report
  chiso ranking --assessment CODE [--format md|xlsx|docx] [--group G] [-o FILE]
                                    bảng xếp hạng chỉ số CĐS / the index ranking of every group
`;

async function main(argv: string[]): Promise<number> {
  const { clockStart } = loadConfig();
  if (clockStart) {
    startClockAt(clockStart);
    process.stderr.write(
      `chiso: đồng hồ bắt đầu từ / the clock starts at ${clockStart.toISOString()} (CHISO_CLOCK_START)\n`,
    );
  }
  const [name, ...rest] = argv;
  const grouped = ["user", "users", "rollups", "units", "setup"].includes(name ?? "");
  const command = grouped ? commands[`${name} ${rest.shift() ?? ""}`] : commands[name ?? ""];
  if (!command) {
    process.stdout.write(usage);
    return name && name !== "help" && name !== "--help" ? 2 : 0;
  }
  const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true });
  return command.run(values as Record<string, unknown>, positionals);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliStop) {
    process.stderr.write(`${error.line}\n`);
    process.exitCode = error.exitCode;
  } else if (error instanceof AppError) {
    process.stderr.write(`Lỗi: ${error.messageVi}\nError: ${error.messageEn}\n`);
    for (const d of error.details) process.stderr.write(`  ${d.path}: ${d.message} / ${d.message_en}\n`);
    process.exitCode = 1;
  } else if (
    error instanceof TypeError &&
    (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")
  ) {
    process.stderr.write(`${error.message}\n\n${usage}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
