import { describe, expect, it } from "vitest";
import type { PlanReportData } from "../plans/report-data.ts";
import { composeReport } from "./compose.ts";
import { abbreviation } from "./compose-values.ts";
import type { Block, ReportDocument } from "./document.ts";
import { countsOf, dongThapReportData } from "./fixtures.test-helper.ts";
import { renderMarkdown } from "./render/markdown.ts";
import { TEMPLATE_KEYS, templateSet } from "./templates/index.ts";

const vi = templateSet("vi");
const en = templateSet("en");

function texts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : [b.intro, ...b.items]));
}

function subsection(doc: ReportDocument, heading: string): string[] {
  const sub = doc.sections[0]?.subsections.find((s) => s.heading === heading);
  if (!sub) throw new Error(`no subsection ${heading}`);
  return texts(sub.blocks);
}

describe("composeReport in Vietnamese, on the Đồng Tháp September 2023 data", () => {
  const doc = composeReport(dongThapReportData(), vi);

  it("writes each pillar's summary in the official style with the FIGURES.md counts", () => {
    expect(subsection(doc, "Về phát triển dữ liệu số")[0]).toBe(
      "Hoàn thành 5/7 chỉ tiêu theo Kế hoạch CĐS năm 2023; 01 chỉ tiêu có khả năng hoàn thành " +
        "(“Trên 60% cơ quan nhà nước cấp tỉnh tham gia cung cấp dữ liệu mở phục vụ người dân và phát triển kinh tế - xã hội”); " +
        "01 chỉ tiêu phụ thuộc vào Bộ NN&PTNT và Bộ TT&TT (“Công bố chính thức nền tảng dữ liệu số nông nghiệp”).",
    );
    expect(subsection(doc, "Về xây dựng chính quyền số")[0]).toBe(
      "Hoàn thành 7/12 chỉ tiêu theo Kế hoạch CĐS năm 2023; 04 chỉ tiêu có khả năng hoàn thành " +
        "(“Dịch vụ công trực tuyến toàn trình đạt 50%” (mẫu), “Hồ sơ trực tuyến trên tổng số hồ sơ đạt 50%” (mẫu), " +
        "“Thanh toán trực tuyến phí, lệ phí đạt 30%” (mẫu) và “Hồ sơ công việc cấp xã xử lý trên môi trường mạng” (mẫu)); " +
        "01 chỉ tiêu khó hoàn thành (“80% hoạt động chỉ đạo, điều hành và quản trị nội bộ của cơ quan nhà nước được thực hiện " +
        "trên nền tảng quản trị tổng thể, thống nhất” do hệ thống thư điện tử công vụ chưa được tích hợp, phải nâng cấp để " +
        "tích hợp với hệ thống quản lý văn bản và điều hành).",
    );
    expect(subsection(doc, "Về phát triển kinh tế số")[0]).toBe(
      "Hoàn thành 3/6 chỉ tiêu theo Kế hoạch CĐS năm 2023; 01 chỉ tiêu có khả năng hoàn thành " +
        "(“Hỗ trợ 50 doanh nghiệp nhỏ và vừa trải nghiệm các nền tảng số”); 02 chỉ tiêu khó hoàn thành " +
        "(“100% sản phẩm OCOP có mặt trên các sàn thương mại điện tử” do chậm tiến độ: đạt 43% chặng đường, thời gian đã qua 75%; " +
        "“Thiết lập không gian khởi nghiệp và đổi mới sáng tạo, có chính sách ưu tiên thu hút doanh nghiệp công nghệ số”).",
    );
    expect(subsection(doc, "Về phát triển xã hội số")[0]).toBe(
      "Hoàn thành 6/12 chỉ tiêu theo Kế hoạch CĐS năm 2023; 02 chỉ tiêu khó hoàn thành " +
        "(“Người dân từ 15 tuổi có tài khoản thanh toán điện tử” (mẫu); “Giao dịch không dùng tiền mặt tại chợ truyền thống” (mẫu)); " +
        "02 chỉ tiêu phụ thuộc vào thời gian tắt sóng di động 2G " +
        "(“Tỷ lệ thuê bao điện thoại di động sử dụng điện thoại thông minh trên 80%” và “Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 80%”); " +
        "02 chỉ tiêu không tiếp tục đánh giá (“90% hộ gia đình có địa chỉ Vpostcode” theo Công văn số 2145/UBND-KT ngày 14/08/2023 " +
        "và “Tham mưu HĐND tỉnh ban hành Nghị quyết quy định mức hỗ trợ hoạt động của Tổ công nghệ số cộng đồng”).",
    );
  });

  it("sums up the plan and the reporting behind it", () => {
    expect(texts(doc.sections[0]?.blocks ?? [])).toEqual([
      "Số liệu được tổng hợp từ 170/175 báo cáo tháng 9/2023 của các cơ quan, đơn vị đã được phê duyệt, " +
        "trong đó 10 báo cáo nộp trễ hạn; còn 05 cơ quan, đơn vị chưa có báo cáo được phê duyệt.",
      "Đến hết tháng 9/2023, đã hoàn thành 21/37 chỉ tiêu theo Kế hoạch CĐS năm 2023; 06 chỉ tiêu có khả năng hoàn thành; " +
        "05 chỉ tiêu khó hoàn thành; 03 chỉ tiêu phụ thuộc vào cơ quan khác; 02 chỉ tiêu không tiếp tục đánh giá.",
    ]);
  });

  it("gives the key figures in Vietnamese number format with their shares", () => {
    expect(subsection(doc, "Về xây dựng chính quyền số").slice(1)).toEqual([
      "Số liệu chủ yếu đến hết tháng 9/2023:",
      "Dịch vụ công trực tuyến toàn trình: 763/1.605 dịch vụ (chiếm 47,54%); kỳ trước: 748.",
      "Dịch vụ công trực tuyến một phần: 214/1.605 dịch vụ (chiếm 13,33%).",
      "Ý kiến phản ánh qua Tổng đài 1022: 3.024 ý kiến.",
      "Ý kiến đã trả lời: 3.013/3.024 ý kiến (chiếm 99,64%).",
      "Ý kiến đang xử lý: 11/3.024 ý kiến (chiếm 0,36%).",
    ]);
    const infrastructure = subsection(doc, "Về phát triển hạ tầng số và bảo đảm an toàn thông tin");
    expect(infrastructure).toContain(
      "Thuê bao sử dụng điện thoại thông minh: 1.205.780 thuê bao; kỳ trước: 1.198.342.",
    );
    expect(infrastructure).toContain(
      "Hộ gia đình sử dụng internet cáp quang: 392.292/468.912 hộ (chiếm 83,66%).",
    );
    expect(subsection(doc, "Về phát triển kinh tế số")).toContain(
      "Tỷ trọng kinh tế số trong GRDP (Bộ TT&TT ước tính): 6,42%.",
    );
  });

  it("lists documents under their pillar and the others in their own part, dated dd/mm/yyyy", () => {
    expect(subsection(doc, "Về xây dựng, hoàn thiện thể chế")).toEqual([
      "Các văn bản đã ban hành:",
      "Hội đồng nhân dân tỉnh ban hành Nghị quyết số 39/NQ-HĐND ngày 18/07/2023: Quy định mức thu phí, lệ phí dịch vụ công trực tuyến, thấp hơn 50% so với nộp trực tiếp.",
      "Ủy ban nhân dân tỉnh ban hành Kế hoạch số 308/KH-UBND ngày 18/09/2023: Hưởng ứng Ngày Chuyển đổi số quốc gia và Ngày Chuyển đổi số tỉnh Đồng Tháp.",
    ]);
    expect(subsection(doc, "Văn bản chỉ đạo, điều hành đã ban hành")).toEqual([
      "",
      "Ủy ban nhân dân tỉnh ban hành Quyết định số 1019/QĐ-UBND-HC ngày 30/09/2023: Phê duyệt Báo cáo chỉ số đánh giá, xếp hạng chuyển đổi số năm 2022.",
    ]);
  });

  it("groups difficulties and proposals with the units that raised them, widest first", () => {
    expect(doc.sections.map((s) => `${s.number}. ${s.heading}`)).toEqual([
      "I. KẾT QUẢ THỰC HIỆN",
      "II. KHÓ KHĂN, VƯỚNG MẮC",
      "III. ĐỀ XUẤT, KIẾN NGHỊ",
    ]);
    expect(texts(doc.sections[1]?.blocks ?? []).slice(1)).toEqual([
      "Kinh phí cho chuyển đổi số còn hạn chế (Sở Nội vụ, Sở Tư pháp, Huyện Tân Hồng, Huyện Tam Nông, Xã Mỹ Tân và 2 đơn vị khác).",
      "Hệ thống thư điện tử công vụ chưa tích hợp với hệ thống quản lý văn bản và điều hành (Sở Thông tin và Truyền thông).",
    ]);
  });

  it("fills the Decree 30 heading, the place-and-date line and the closing blocks", () => {
    expect(doc.header).toEqual({
      parentBody: "UBND TỈNH ĐỒNG THÁP",
      issuingBody: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
      number: "Số: …/BC-STTTT",
      nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      motto: "Độc lập - Tự do - Hạnh phúc",
      placeDate: "Đồng Tháp, ngày 05 tháng 10 năm 2023",
    });
    expect(doc.title).toEqual({
      kind: "BÁO CÁO",
      subject: "Kết quả thực hiện Kế hoạch chuyển đổi số năm 2023 đến hết tháng 9/2023",
    });
    expect(doc.recipients).toEqual({
      heading: "Nơi nhận:",
      lines: ["- Ủy ban nhân dân tỉnh Đồng Tháp (b/c);", "- Lưu: VT, STTTT."],
    });
    expect(doc.signature).toEqual(["GIÁM ĐỐC"]);
  });

  it("marks sample indicators and overridden statuses in the indicator table", () => {
    const groups = doc.appendix.table.groups;
    expect(groups.map((g) => `${g.number}. ${g.heading} (${g.rows.length})`)).toEqual([
      "1. Phát triển dữ liệu số (7)",
      "2. Xây dựng chính quyền số (12)",
      "3. Phát triển kinh tế số (6)",
      "4. Phát triển xã hội số (12)",
    ]);
    expect(groups[0]?.rows[0]).toEqual([
      "1",
      "Hồ sơ thủ tục hành chính được số hóa khi tiếp nhận (mẫu)",
      "100%",
      "100%",
      "Hoàn thành",
      "",
    ]);
    expect(groups[0]?.rows[6]).toEqual([
      "7",
      "Công bố chính thức nền tảng dữ liệu số nông nghiệp",
      "Hoàn thành",
      "Chưa hoàn thành",
      "Phụ thuộc",
      "Phụ thuộc vào Bộ NN&PTNT và Bộ TT&TT. Chờ kết quả thẩm định của các bộ",
    ]);
    expect(groups[1]?.rows[11]?.[4]).toBe("Khó hoàn thành (điều chỉnh)");
    expect(groups[2]?.rows[3]?.slice(2, 4)).toEqual(["50 doanh nghiệp", "38 doanh nghiệp"]);
    expect(groups[2]?.rows[4]?.[5]).toBe(
      "Chậm tiến độ: đạt 43% chặng đường, thời gian đã qua 75%; dự báo 74,07% vào 31/12/2023",
    );
  });
});

describe("missing data and zero counts", () => {
  function withGaps(): PlanReportData {
    const data = dongThapReportData();
    const gov = data.pillars.find((p) => p.code === "CQ");
    if (!gov) throw new Error("fixture lacks CQ");
    const figures = gov.figures.map((f, i) =>
      i === 0 ? { ...f, value: null, previousValue: null } : i === 1 ? { ...f, sharePercent: Number.NaN } : f,
    );
    const indicators = gov.indicators.map((ind, i) =>
      i === 0
        ? { ...ind, status: "no_data" as const, value: null }
        : i === 1
          ? { ...ind, value: Number.POSITIVE_INFINITY }
          : ind,
    );
    const pillars = data.pillars.map((p) =>
      p === gov ? { ...p, figures, indicators, counts: countsOf(indicators) } : p,
    );
    return { ...data, pillars, totals: countsOf(pillars.flatMap((p) => p.indicators)) };
  }

  it("writes “chưa có số liệu” for null, NaN and infinite values, never NaN", () => {
    const doc = composeReport(withGaps(), vi);
    const gov = subsection(doc, "Về xây dựng chính quyền số");
    expect(gov[2]).toBe("Dịch vụ công trực tuyến toàn trình: chưa có số liệu.");
    expect(gov[3]).toBe("Dịch vụ công trực tuyến một phần: 214/1.605 dịch vụ.");
    expect(gov[0]).toContain(
      "; 01 chỉ tiêu chưa có số liệu (“Cổng dịch vụ công của tỉnh kết nối Cổng dịch vụ công quốc gia” (mẫu)).",
    );
    expect(doc.appendix.table.groups[1]?.rows[1]?.[3]).toBe("chưa có số liệu");
    const markdown = renderMarkdown(doc);
    expect(markdown).not.toMatch(/NaN|Infinity|undefined|null/);
  });

  it("leaves out the clauses about zero indicators and the summary of a pillar without indicators", () => {
    const doc = composeReport(dongThapReportData(), vi);
    const data = subsection(doc, "Về phát triển dữ liệu số")[0];
    expect(data).not.toMatch(/khó hoàn thành|không tiếp tục|chưa có số liệu|00 chỉ tiêu/);
    expect(subsection(doc, "Về phát triển hạ tầng số và bảo đảm an toàn thông tin")[0]).toBe(
      "Số liệu chủ yếu đến hết tháng 9/2023:",
    );
  });

  it("says so when no unit raised a difficulty or a proposal", () => {
    const doc = composeReport({ ...dongThapReportData(), difficulties: [], proposals: [] }, vi);
    expect(texts(doc.sections[1]?.blocks ?? [])).toEqual([
      "Các cơ quan, đơn vị không báo cáo khó khăn, vướng mắc trong kỳ.",
    ]);
    expect(texts(doc.sections[2]?.blocks ?? [])).toEqual([
      "Các cơ quan, đơn vị không có đề xuất, kiến nghị trong kỳ.",
    ]);
  });
});

describe("English and edited templates", () => {
  it("keeps the same structure in English", () => {
    const a = composeReport(dongThapReportData(), vi);
    const b = composeReport(dongThapReportData(), en);
    const shape = (d: ReportDocument) =>
      d.sections.map((s) => [s.blocks.length, s.subsections.map((x) => texts(x.blocks).length)]);
    expect(shape(b)).toEqual(shape(a));
    expect(subsection(b, "Phát triển kinh tế số")[0]).toBe(
      "3 of 6 indicators of the 2023 digital-transformation plan done; 1 likely to be met " +
        "(“Hỗ trợ 50 doanh nghiệp nhỏ và vừa trải nghiệm các nền tảng số”); 2 at risk " +
        "(“100% sản phẩm OCOP có mặt trên các sàn thương mại điện tử”: chậm tiến độ: đạt 43% chặng đường, thời gian đã qua 75%; " +
        "“Thiết lập không gian khởi nghiệp và đổi mới sáng tạo, có chính sách ưu tiên thu hút doanh nghiệp công nghệ số”).",
    );
    expect(b.header.placeDate).toBe("Đồng Tháp, 5 October 2023");
  });

  it("writes with an admin's saved template and keeps the default for one that no longer fits", () => {
    const saved = new Map([
      ["pillar.heading", "Trụ cột: {{pillar|upper}}"],
      ["closing", "{{removedVariable}}"],
    ] as const);
    const doc = composeReport(dongThapReportData(), templateSet("vi", saved));
    expect(doc.sections[0]?.subsections[1]?.heading).toBe("Trụ cột: PHÁT TRIỂN DỮ LIỆU SỐ");
    expect(doc.closing).toMatch(/^Trên đây là báo cáo/);
  });

  it("prints data that looks like a template literally", () => {
    const data = dongThapReportData();
    const doc = composeReport({ ...data, reporter: { ...data.reporter, nameVi: "Sở {{done}}" } }, vi);
    expect(doc.opening[0]).toContain("Sở {{done}} báo cáo");
  });

  it("ships a default for every key in both languages", () => {
    for (const lang of ["vi", "en"] as const) {
      expect(Object.keys(templateSet(lang).templates).sort()).toEqual([...TEMPLATE_KEYS].sort());
    }
  });

  it("abbreviates the issuing body as official symbols do", () => {
    expect(abbreviation("Sở Thông tin và Truyền thông")).toBe("STTTT");
    expect(abbreviation("Sở Kế hoạch và Đầu tư")).toBe("SKHĐT");
  });
});
