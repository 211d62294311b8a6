import type { ReformMessages } from "./reform-vi.ts";

/** The reorganisation screen (admin): English. */
export const reformEn: ReformMessages = {
  intro:
    "One CSV or Excel (.xlsx) file describes the whole reorganisation: one row per new unit (with its parent and predecessors) or per abolished unit, all on one effective date. Preview it to see what closes, opens and moves, and which users, forms, plans and assessments need attention. It is applied in one transaction, all or nothing; applying the same file again changes nothing.",
  columns:
    "Columns: action (open|abolish), code, name, kind, type, parent_code, predecessors (codes separated by ; or +, a split part marked [part]), date",
  file: "Reform file",
  preview: "Preview",
  previewing: "Checking…",
  confirm: "Apply",
  confirming: "Applying…",
  previewTitle: "Preview (nothing written)",
  resultTitle: "Applied",
  counts: (c: { open: number; close: number; move: number; unchanged: number; problems: number }) =>
    `Opened ${c.open}, closed ${c.close}, moved ${c.move}, unchanged ${c.unchanged}, problems ${c.problems}`,
  fixFirst: "The file has problems: fix it and preview again. Nothing was written.",
  nothingNew: "This reorganisation is already applied: nothing changes.",
  opens: "Units opened",
  closes: "Units closed",
  moves: "Units moved",
  users: "Users to reassign (never changed automatically)",
  others: (f: number, p: number, a: number) =>
    `Closed units are still named by ${f} form assignments, ${p} plans, ${a} assessments.`,
  problems: "Problems",
  code: "Code",
  parent: "Parent",
  level: "Level",
  predecessors: "Predecessors",
  part: "part",
  heir: "Children go to",
  from: "From",
  to: "To",
  user: "User",
  role: "Role",
  unit: "Unit",
  where: "Where",
};
