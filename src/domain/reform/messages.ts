import type { Text } from "../period/index.ts";

/** What is wrong with a reform file, row by row (vi and en). */
export const reformMessages = {
  badDate: (text: string): Text => ({
    vi: `Ngày hiệu lực '${text.slice(0, 24)}' không hợp lệ; dùng dạng YYYY-MM-DD`,
    en: `Invalid effective date '${text.slice(0, 24)}'; use YYYY-MM-DD`,
  }),
  otherDate: (date: string): Text => ({
    vi: `Mọi dòng phải có cùng ngày hiệu lực (${date})`,
    en: `Every row must have the same effective date (${date})`,
  }),
  duplicate: (code: string, row: number): Text => ({
    vi: `Mã ${code} đã có ở dòng ${row}`,
    en: `Code ${code} is already on row ${row}`,
  }),
  exists: (code: string): Text => ({
    vi: `Mã ${code} là của một đơn vị đang hoạt động; chỉ đơn vị kế thừa đơn vị đó mới được dùng lại mã`,
    en: `Code ${code} belongs to a unit in force; only a unit succeeding it may reuse its code`,
  }),
  unknown: (code: string): Text => ({
    vi: `Không có đơn vị đang hoạt động mã ${code}`,
    en: `No unit in force with code ${code}`,
  }),
  twoWholes: (code: string, row: number): Text => ({
    vi: `Đơn vị ${code} đã được nhập trọn vẹn vào đơn vị ở dòng ${row}`,
    en: `Unit ${code} already goes whole to the unit on row ${row}`,
  }),
  keptAndClosed: (code: string): Text => ({
    vi: `Đơn vị ${code} chấm dứt vào ngày này, không thể làm đơn vị cấp trên`,
    en: `Unit ${code} closes on this date and cannot be a parent`,
  }),
  abolishedAndSucceeded: (code: string): Text => ({
    vi: `Đơn vị ${code} vừa bị bãi bỏ vừa là tiền thân của đơn vị mới`,
    en: `Unit ${code} is both abolished and a predecessor of a new unit`,
  }),
  partWithChildren: (code: string): Text => ({
    vi: `Đơn vị ${code} có đơn vị cấp dưới nhưng không có đơn vị kế thừa trọn vẹn để nhận chúng`,
    en: `Unit ${code} has child units but no whole successor to take them`,
  }),
  rootWithChildren: (code: string): Text => ({
    vi: `Không thể bãi bỏ đơn vị gốc ${code} có đơn vị cấp dưới mà không có đơn vị kế thừa`,
    en: `Root unit ${code} has child units and cannot be abolished without a successor`,
  }),
  unknownParent: (code: string): Text => ({
    vi: `Không có đơn vị cấp trên mã ${code}`,
    en: `No parent unit ${code}`,
  }),
  cycle: (): Text => ({
    vi: "Mã cấp trên tạo thành vòng lặp",
    en: "The parent codes form a loop",
  }),
  tooDeep: (): Text => ({ vi: "Cây đơn vị quá sâu", en: "Unit tree too deep" }),
};
