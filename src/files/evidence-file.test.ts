import { describe, expect, it } from "vitest";
import { acceptedType, attachmentHeader, sanitizeFileName } from "./evidence-file.ts";

const PDF = Buffer.from("%PDF-1.7\n");
const DOCX = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const DOC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

describe("evidence file names", () => {
  it("keeps only the last path segment, without reserved or control characters", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\a\\Báo cáo.pdf")).toBe("Báo cáo.pdf");
    expect(sanitizeFileName('a<b>c:d"e|f?g*h.pdf')).toBe("abcdefgh.pdf");
    expect(sanitizeFileName("tab\there\nnew\u0000line\u202e.pdf")).toBe("tabherenewline.pdf");
    expect(sanitizeFileName("Tờ trình\u0000 số 5;%.docx")).toBe("Tờ trình số 5.docx");
    expect(sanitizeFileName("  many    spaces  .pdf ")).toBe("many spaces .pdf");
  });

  it("refuses hidden and empty names, giving a neutral one", () => {
    expect(sanitizeFileName(".htaccess")).toBe("htaccess");
    expect(sanitizeFileName("...")).toBe("tep-kiem-chung");
    expect(sanitizeFileName("dir/")).toBe("tep-kiem-chung");
  });

  it("stores Vietnamese in NFC and cuts long names keeping the extension", () => {
    const decomposed = "Quye\u0302\u0301t đi\u0323nh.pdf";
    expect(sanitizeFileName(decomposed)).toBe("Quyết định.pdf");
    const long = sanitizeFileName(`${"a".repeat(300)}.docx`);
    expect([long.length, long.endsWith(".docx")]).toEqual([120, true]);
  });
});

describe("accepted evidence types", () => {
  it("accepts PDF, Office and images whose bytes match their extension", () => {
    expect(acceptedType("a.pdf", "application/pdf", PDF)).toBe("application/pdf");
    expect(acceptedType("a.PDF", undefined, PDF)).toBe("application/pdf");
    expect(acceptedType("a.docx", "application/octet-stream", DOCX)).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(acceptedType("a.xls", "", DOC)).toBe("application/vnd.ms-excel");
    expect(acceptedType("a.png", "image/png", PNG)).toBe("image/png");
    expect(acceptedType("a.jpeg", "image/jpeg; charset=binary", JPEG)).toBe("image/jpeg");
  });

  it("refuses other extensions, mismatched bytes and a contradicting declared type", () => {
    expect(acceptedType("a.html", "text/html", Buffer.from("<html>"))).toBeNull();
    expect(acceptedType("a.svg", "image/svg+xml", Buffer.from("<svg>"))).toBeNull();
    expect(acceptedType("a.pdf", "application/pdf", Buffer.from("<html>"))).toBeNull();
    expect(acceptedType("a.pdf", "text/html", PDF)).toBeNull();
    expect(acceptedType("a.docx", undefined, PDF)).toBeNull();
    expect(acceptedType("pdf", undefined, PDF)).toBeNull();
  });
});

describe("the download header", () => {
  it("is always an attachment, with an ASCII fallback and the UTF-8 name", () => {
    expect(attachmentHeader('Đề án "số 1".pdf')).toBe(
      `attachment; filename="De an _so 1_.pdf"; filename*=UTF-8''%C4%90%E1%BB%81%20%C3%A1n%20%22s%E1%BB%91%201%22.pdf`,
    );
  });
});
