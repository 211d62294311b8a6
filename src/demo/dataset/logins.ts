import type { Role } from "../../access/principal.ts";

/** The one password of every demo account; only the demo uses it. */
export const demoPassword = "chiso-demo";

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string;
}

/**
 * An administrator for the province, and a reporter (báo cáo) and an approver (duyệt) at each
 * level: Sở Thông tin và Truyền thông, Thành phố Cao Lãnh and Xã Mỹ Tân in it.
 */
export const demoUsers: DemoUser[] = [
  { username: "admin", displayName: "Quản trị hệ thống", role: "admin", unitCode: "87" },
  { username: "sotttt.baocao", displayName: "Chuyên viên Sở TT&TT", role: "reporter", unitCode: "S-TTTT" },
  { username: "sotttt.duyet", displayName: "Lãnh đạo Sở TT&TT", role: "approver", unitCode: "S-TTTT" },
  {
    username: "tpcaolanh.baocao",
    displayName: "Chuyên viên UBND TP Cao Lãnh",
    role: "reporter",
    unitCode: "866",
  },
  {
    username: "tpcaolanh.duyet",
    displayName: "Lãnh đạo UBND TP Cao Lãnh",
    role: "approver",
    unitCode: "866",
  },
  { username: "mytan.baocao", displayName: "Công chức UBND xã Mỹ Tân", role: "reporter", unitCode: "29884" },
  { username: "mytan.duyet", displayName: "Chủ tịch UBND xã Mỹ Tân", role: "approver", unitCode: "29884" },
];
