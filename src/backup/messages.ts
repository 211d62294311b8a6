/** What the backup commands say, in Vietnamese / English, one line each. */
export const backupMessages = {
  notABackup: (file: string) => `${file} không phải bản sao lưu của chiso / ${file} is not a chiso backup`,
  newerSchema: (backup: string, ours: string) =>
    `Bản sao lưu có lược đồ ${backup}, mới hơn lược đồ ${ours} của phiên bản chiso này: hãy cài chiso mới hơn / ` +
    `The backup's schema ${backup} is newer than this chiso's ${ours}: install a newer chiso`,
  notEmpty: (where: string) =>
    `Cơ sở dữ liệu đích ${where} đã có dữ liệu: thêm --force để thay thế toàn bộ / ` +
    `The target database ${where} already holds data: add --force to replace all of it`,
  postgresToEmbedded: () =>
    "Bản sao lưu PostgreSQL chỉ khôi phục vào PostgreSQL: đặt DATABASE_URL / " +
    "A PostgreSQL backup restores only to PostgreSQL: set DATABASE_URL",
  countsDiffer: (table: string, expected: number, found: number) =>
    `Bảng ${table}: bản sao lưu ghi ${expected} dòng, đã khôi phục ${found} / ` +
    `Table ${table}: the backup lists ${expected} rows, ${found} were restored`,
  toolTooOld: (tool: string, toolMajor: number, serverMajor: number) =>
    `${tool} phiên bản ${toolMajor} cũ hơn máy chủ PostgreSQL ${serverMajor}: cài postgresql-client-${serverMajor} hoặc đặt CHISO_PG_BIN là thư mục chứa ${tool} ${serverMajor} / ` +
    `${tool} ${toolMajor} is older than the PostgreSQL server ${serverMajor}: install postgresql-client-${serverMajor} or set CHISO_PG_BIN to the folder holding ${tool} ${serverMajor}`,
  toolMissing: (tool: string) =>
    `Không tìm thấy ${tool}: cài gói postgresql-client hoặc đặt CHISO_PG_BIN / ` +
    `${tool} was not found: install postgresql-client or set CHISO_PG_BIN`,
  toolFailed: (tool: string, detail: string) => `${tool} thất bại / ${tool} failed: ${detail}`,
  backupHeld: (dataDir: string, pid: string) =>
    `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} (máy chủ chiso?) dùng: dừng máy chủ, sao lưu (vài giây) rồi chạy lại máy chủ; hoặc chuyển sang PostgreSQL (chiso migrate-to-postgres) để sao lưu khi máy chủ đang chạy / ` +
    `The data directory ${dataDir} is in use by process ${pid} (the chiso server?): stop the server, back up (a few seconds) and start it again; or move to PostgreSQL (chiso migrate-to-postgres) to back up while servers run`,
  embeddedOnly: () =>
    "migrate-to-postgres chuyển cơ sở dữ liệu nhúng (CHISO_DATA_DIR): bỏ đặt DATABASE_URL / " +
    "migrate-to-postgres moves the embedded database (CHISO_DATA_DIR): unset DATABASE_URL",
  fileNeeded: (what: string) => `Thiếu ${what} / ${what} is missing`,
  backedUp: (file: string, rows: number, tables: number) =>
    `Đã sao lưu / Backed up: ${file} (${rows} dòng / rows, ${tables} bảng / tables)\n`,
  restored: (file: string, rows: number, schema: string) =>
    `Đã khôi phục / Restored: ${file} (${rows} dòng / rows, khớp bản sao lưu / as in the backup; lược đồ / schema ${schema})\n`,
  moved: (rows: number, tables: number) =>
    `Đã chuyển sang PostgreSQL / Moved to PostgreSQL: ${rows} dòng / rows, ${tables} bảng / tables; đặt DATABASE_URL để dùng / set DATABASE_URL to use it\n`,
  keptAside: (dir: string) => `Dữ liệu cũ được giữ tại / The previous data is kept at ${dir}\n`,
  badSetting: (name: string, value: string, max: number) =>
    `${name}=${value}: phải là số nguyên từ 0 đến ${max} / ${name}=${value}: must be a whole number from 0 to ${max}`,
};
