import type { ImportsMessages } from "./imports-vi.ts";

/** The list imports screen (admin) and the password-link page: English. */
export const importsEn: ImportsMessages = {
  intro:
    "Load the unit list or the users from a CSV or Excel (.xlsx) file. Preview first to see each row; confirm only when no row is rejected, all or nothing. Loading the same file again changes nothing.",
  kind: "List",
  kinds: { units: "Units", users: "Users" },
  columns: {
    units:
      "Columns: code, name, name_en, kind (territorial|agency), type, level, parent_code, valid_from, valid_to, predecessor_codes",
    users: "Columns: username, full_name, email, role (admin|reporter|approver|viewer|appraiser), unit_code",
  },
  file: "File",
  preview: "Preview",
  previewing: "Checking…",
  confirm: "Confirm and load",
  confirming: "Loading…",
  previewTitle: "Preview (nothing written)",
  resultTitle: "Loaded",
  counts: (c) => `Created ${c.create}, unchanged ${c.unchanged}, rejected ${c.rejected}`,
  fixFirst: "Some rows are rejected: fix the file and preview again. Nothing was written.",
  nothingNew: "Nothing new to load.",
  row: "Row",
  key: "Code / username",
  action: "Result",
  problems: "Reason",
  actions: { create: "Create", unchanged: "Unchanged", rejected: "Rejected" },
  linksTitle: "Password links (shown once)",
  linksNote:
    "Each new user has no password yet. Send each person their own link privately; a link works once, until the expiry shown. An administrator can issue a fresh link.",
  expires: "Expires",
  setPassword: {
    title: "Set your password",
    intro: "Choose the password of your account. This link works only once.",
    password: "New password",
    hint: "At least 10 characters.",
    repeat: "Repeat the password",
    mismatch: "The two passwords differ.",
    submit: "Set password",
    busy: "Saving…",
    noToken: "The link is incomplete: open the exact link your administrator sent.",
    done: (username) => `The password of ${username} is set. You can sign in now.`,
    toLogin: "Go to sign in",
  },
};
