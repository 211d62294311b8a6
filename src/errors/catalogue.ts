/**
 * The one error catalogue: each code has its HTTP status and its message in Vietnamese and
 * English. `{name}` placeholders are filled from the error's params.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, vi: "Dữ liệu không hợp lệ", en: "Invalid input" },
  MALFORMED_JSON: { status: 400, vi: "Nội dung JSON không đúng cú pháp", en: "Malformed JSON body" },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    vi: "Dữ liệu gửi lên vượt quá giới hạn cho phép",
    en: "Request body exceeds the allowed size",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: "Định dạng nội dung không được hỗ trợ",
    en: "Unsupported content type",
  },
  UNAUTHENTICATED: { status: 401, vi: "Bạn cần đăng nhập", en: "Authentication required" },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: "Tên đăng nhập hoặc mật khẩu không đúng",
    en: "Wrong username or password",
  },
  PASSWORD_LINK_INVALID: {
    status: 410,
    vi: "Liên kết đặt mật khẩu không còn hiệu lực (đã dùng hoặc đã hết hạn); xin quản trị viên một liên kết mới",
    en: "This password link is no longer valid (used or expired); ask an administrator for a new one",
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    vi: "Đăng nhập sai quá nhiều lần, vui lòng thử lại sau {retryAfterSeconds} giây",
    en: "Too many failed logins; try again in {retryAfterSeconds} seconds",
  },
  FORBIDDEN: {
    status: 403,
    vi: "Bạn không có quyền thực hiện thao tác này",
    en: "You are not allowed to do this",
  },
  OUT_OF_SCOPE: {
    status: 403,
    vi: "Đơn vị {unit} nằm ngoài phạm vi được phân quyền của bạn",
    en: "Unit {unit} is outside your assigned scope",
  },
  RATE_LIMITED: {
    status: 429,
    vi: "Quá nhiều yêu cầu tốn tài nguyên (xuất dữ liệu, báo cáo, phân tích); vui lòng thử lại sau {retryAfterSeconds} giây",
    en: "Too many expensive requests (exports, reports, analytics); try again in {retryAfterSeconds} seconds",
  },
  PROVINCE_ADMIN_ONLY: {
    status: 403,
    vi: "Chỉ quản trị cấp tỉnh được thay đổi cấu hình dùng chung cho cả tỉnh (chỉ số, biểu mẫu, quy tắc, mẫu báo cáo, bộ chỉ số, bản đồ)",
    en: "Only a province-level administrator may change province-wide configuration (metrics, forms, rules, report templates, index frameworks, the map)",
  },
  CROSS_SITE_REQUEST: {
    status: 403,
    vi: "Yêu cầu ghi dữ liệu đến từ một trang khác ({why}); hãy thao tác trên chính trang chiso",
    en: "A write came from another site ({why}); use the chiso page itself",
  },
  TOKEN_CANNOT_MINT: {
    status: 403,
    vi: "Không thể tạo mã truy cập bằng một mã truy cập; hãy đăng nhập bằng mật khẩu",
    en: "An API token cannot create API tokens; sign in with your password",
  },
  USER_OUT_OF_SCOPE: {
    status: 403,
    vi: "Người dùng {user} có quyền ngoài phạm vi quản trị của bạn",
    en: "User {user} holds rights outside the scope you administer",
  },
  OWN_REPORT_APPROVAL: {
    status: 403,
    vi: "Người đã nộp báo cáo không được tự phê duyệt báo cáo đó; một người phê duyệt khác cần duyệt",
    en: "Whoever submitted a report may not approve it; another approver must approve it",
  },
  NOT_RESPONSIBLE_UNIT: {
    status: 403,
    vi: "Đơn vị của bạn không được giao chủ trì chỉ tiêu {indicator}",
    en: "Your unit is not responsible for indicator {indicator}",
  },
  NO_APPROVED_DATA: {
    status: 422,
    vi: "Chưa có số liệu đã duyệt cho kỳ {period} của kế hoạch {plan}",
    en: "No approved data for period {period} of plan {plan}",
  },
  NOT_FOUND: { status: 404, vi: "Không tìm thấy {object}", en: "{object} not found" },
  ROUTE_NOT_FOUND: { status: 404, vi: "Không có đường dẫn này", en: "No such route" },
  CONFLICT: { status: 409, vi: "{object} đã tồn tại", en: "{object} already exists" },
  REMIND_LIMITED: {
    status: 429,
    vi: "Mỗi giờ chỉ được nhắc {limit} lần; vui lòng thử lại sau {retryAfterSeconds} giây",
    en: "At most {limit} reminders an hour; try again in {retryAfterSeconds} seconds",
  },
  NOTICE_BEING_SENT: {
    status: 409,
    vi: "Thư của thông báo {id} đang được gửi; hãy thử lại sau ít phút",
    en: "The e-mail of notice {id} is being sent; try again in a few minutes",
  },
  NOTICE_NO_ADDRESS: {
    status: 409,
    vi: "Người dùng {user} chưa có địa chỉ thư điện tử hoặc đã tắt nhận thư",
    en: "User {user} has no e-mail address or turned e-mail off",
  },
  ALREADY_INITIALISED: {
    status: 409,
    vi: "Hệ thống đã được khởi tạo (đã có người dùng hoặc đơn vị); hãy đăng nhập, hoặc dùng chiso user add",
    en: "chiso is already set up (it has users or units); sign in, or use chiso user add",
  },
  STALE_VERSION: {
    status: 409,
    vi: "Báo cáo đã được người khác thay đổi (phiên bản hiện tại {current}, bạn gửi {given}); hãy tải lại",
    en: "The report was changed by someone else (current version {current}, yours {given}); reload it",
  },
  STALE_ANSWER: {
    status: 409,
    vi: "Câu trả lời đã được người khác lưu sau khi bạn mở (phiên bản hiện tại {current}, bạn gửi {given}); hãy tải lại",
    en: "The answer was saved by someone else after you opened it (current version {current}, yours {given}); reload it",
  },
  INVALID_TRANSITION: {
    status: 409,
    vi: "Không thể {action} báo cáo đang ở trạng thái {status}",
    en: "Cannot {action} a report whose status is {status}",
  },
  LOCKED: {
    status: 423,
    vi: "Báo cáo đã khóa ({why}), không thể sửa; quản trị viên của đơn vị cấp trên có thể mở lại kèm lý do",
    en: "The report is locked ({why}) and cannot be changed; an administrator over the unit can reopen it with a reason",
  },
  RULES_FAILED: {
    status: 422,
    vi: "Báo cáo không đạt quy tắc kiểm tra",
    en: "The report fails its validation rules",
  },
  TEMPLATE_REJECTED: {
    status: 422,
    vi: "Tệp Excel có {count} ô không hợp lệ; chưa lưu số liệu nào",
    en: "Invalid cells in the workbook: {count}; nothing was saved",
  },
  IMPORT_REJECTED: {
    status: 409,
    vi: "Không nhập dữ liệu: có {count} lỗi",
    en: "Nothing imported: conflicts found ({count})",
  },
  ASSESSMENT_STEP_CLOSED: {
    status: 409,
    vi: "Kỳ đánh giá {assessment} đang ở bước {status}: không thể {action}",
    en: "Assessment {assessment} is at the {status} step: cannot {action}",
  },
  SELF_ASSESSMENT_LOCKED: {
    status: 423,
    vi: "Phần tự đánh giá của đơn vị {unit} đã nộp và bị khóa; cần quản trị viên mở lại",
    en: "Unit {unit}'s self-assessment has been submitted and is locked; an administrator must reopen it",
  },
  CRITERION_NOT_ASSIGNED: {
    status: 403,
    vi: "Tiêu chí {criterion} không được giao cho đơn vị thẩm định của bạn",
    en: "Criterion {criterion} is not assigned to your appraising unit",
  },
  ASSESSMENT_INCOMPLETE: {
    status: 409,
    vi: "Chưa thể {action}: còn {count} mục chưa hoàn thành",
    en: "Cannot {action} yet: {count} items are not done",
  },
  RESULTS_NOT_PUBLISHED: {
    status: 403,
    vi: "Kết quả đánh giá {assessment} chưa được công bố",
    en: "The results of assessment {assessment} have not been published",
  },
  EVIDENCE_TOO_LARGE: {
    status: 413,
    vi: "Tệp kiểm chứng vượt quá dung lượng cho phép ({max})",
    en: "The evidence file exceeds the size limit ({max})",
  },
  EVIDENCE_TYPE_REFUSED: {
    status: 415,
    vi: "Loại tệp không được chấp nhận; chỉ nhận {allowed}",
    en: "This type of file is refused; accepted: {allowed}",
  },
  DATA_DIR_LOCKED: {
    status: 503,
    vi: "Thư mục dữ liệu {dataDir} đang được tiến trình khác (pid {pid}) sử dụng",
    en: "The data directory {dataDir} is in use by another process (pid {pid})",
  },
  INTERNAL: {
    status: 500,
    vi: "Lỗi hệ thống, vui lòng thử lại",
    en: "Internal error, please try again",
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** A parameter that reads differently in each language, e.g. the name of the missing object. */
export type Bilingual = { vi: string; en: string };

function isBilingual(v: unknown): v is Bilingual {
  return typeof v === "object" && v !== null && "vi" in v && "en" in v;
}

export function fill(template: string, params: Record<string, unknown>, lang: "vi" | "en"): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    if (v === undefined) return whole;
    return isBilingual(v) ? v[lang] : String(v);
  });
}
