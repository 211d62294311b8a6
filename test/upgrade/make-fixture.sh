#!/bin/sh
# Re-creates test/upgrade/schema-0010.sql, the upgrade test's fixture: a database written by chiso
# at commit 1f39f8e (migrations 0000–0010, the last commit before 0011), through that commit's own
# services. Needs git, the local PostgreSQL (trust auth) and node_modules. Run from the repository:
#   sh test/upgrade/make-fixture.sh
set -eu
COMMIT=1f39f8e
ROOT=$(pwd)
OLD=$(mktemp -d /tmp/chiso-upgrade-XXXXXX)
DB="chiso_upgrade_fixture_$$"
PGURL="${PGURL:-postgres://postgres@127.0.0.1:5432}"
PG_BIN="${CHISO_PG_BIN:-/usr/lib/postgresql/15/bin}"
trap 'rm -rf "$OLD"; "$PG_BIN/psql" -q "$PGURL/postgres" -c "drop database if exists $DB" >/dev/null' EXIT

git archive "$COMMIT" | tar -x -C "$OLD"
ln -s "$(readlink -f "$ROOT/node_modules")" "$OLD/node_modules"
cat >"$OLD/seed-fixture.ts" <<'TS'
// Written by test/upgrade/make-fixture.sh: the old chiso's services, a fixed clock.
import { systemActor } from "./src/audit/audit.ts";
import { openPostgres } from "./src/db/client.ts";
import { createForm } from "./src/forms/service.ts";
import { createMetrics } from "./src/metrics/service.ts";
import { saveDraft } from "./src/submissions/service.ts";
import { approve, returnSubmission, submit } from "./src/submissions/workflow.ts";
import { createUnits } from "./src/units/service.ts";
import { createUser } from "./src/users/service.ts";

const actor = systemActor("fixture");
const now = new Date("2024-01-20T03:00:00Z");
const database = openPostgres(process.argv[2] ?? "", 2);
await database.migrate();
const db = database.db;
const unit = (code: string, nameVi: string, type: string, parentCode?: string) => ({
  code,
  nameVi,
  kind: type === "sở/ngành" ? "agency" : "territorial",
  type,
  parentCode,
  validFrom: "2020-01-01",
});
await createUnits(db, actor, [
  unit("P", "Tỉnh Thử", "tỉnh"),
  unit("D1", "Huyện Một", "huyện", "P"),
  unit("D2", "Huyện Hai", "huyện", "P"),
  unit("C11", "Xã Một Một", "xã", "D1"),
  unit("C12", "Xã Một Hai", "xã", "D1"),
  unit("C21", "Xã Hai Một", "xã", "D2"),
  unit("S1", "Sở Một", "sở/ngành", "P"),
] as never);
const password = "mat-khau-thu-nghiem";
await createUser(db, actor, null, { username: "admin", displayName: "Quản trị", password, grants: [{ role: "admin", unitCode: "P" }] });
await createUser(db, actor, null, { username: "rep_c11", displayName: "Báo cáo C11", password, grants: [{ role: "reporter", unitCode: "C11" }] });
await createUser(db, actor, null, { username: "viewer", displayName: "Lãnh đạo", password, grants: [{ role: "viewer", unitCode: "P" }] });
const metrics = [
  { code: "SERVICES", aggregation: "sum", valueType: "integer" },
  { code: "SUBSCRIBERS", aggregation: "last", valueType: "integer" },
  { code: "POP", aggregation: "sum", valueType: "integer" },
  { code: "SCORE", aggregation: "average", weightMetricCode: "POP" },
  { code: "DONE", aggregation: "sum", valueType: "integer" },
  { code: "TOTAL", aggregation: "sum", valueType: "integer" },
  { code: "RATE", aggregation: "formula", valueType: "percent", formula: "#{DONE} / #{TOTAL} * 100" },
  { code: "SHARE", aggregation: "formula", formula: "#{RATE} / 100" },
  { code: "TARGET", aggregation: "none" },
  { code: "FLAG", aggregation: "sum", valueType: "boolean" },
];
await createMetrics(db, actor, metrics.map((m) => ({ valueType: "number", ...m, nameVi: `Chỉ số ${m.code}`, nameEn: `Metric ${m.code}` })) as never);
await createForm(db, actor, {
  code: "F_MONTHLY",
  nameVi: "Biểu báo cáo tháng",
  nameEn: "Monthly report",
  periodType: "month",
  dueRule: { kind: "days_after_end", days: 5 },
  metrics: metrics.filter((m) => m.aggregation !== "formula").map((m) => ({ code: m.code })),
  unitCodes: ["C11", "C12", "C21", "S1", "D1"],
  rules: [{ code: "DONE_LE_TOTAL", expression: "#{DONE} <= #{TOTAL}", severity: "error", messageVi: "Số đã làm không vượt tổng", messageEn: "Done may not exceed total" }],
} as never);
type Stop = "draft" | "submitted" | "returned" | "approved";
const reports: [string, string, Record<string, number>, Stop?][] = [
  ["C11", "202307", { SERVICES: 10, SUBSCRIBERS: 100 }],
  ["C11", "202308", { SERVICES: 20, SUBSCRIBERS: 110 }],
  ["C11", "202309", { SERVICES: 30, SCORE: 80, POP: 1000, DONE: 9, TOTAL: 11, TARGET: 5, FLAG: 1 }],
  ["C11", "202312", { SERVICES: 40 }],
  ["C12", "202307", { SUBSCRIBERS: 50 }],
  ["C12", "202309", { SERVICES: 5, SUBSCRIBERS: 70, SCORE: 50, POP: 3000, DONE: 2, TOTAL: 30, FLAG: 0 }],
  ["C21", "202309", { SERVICES: 7, SCORE: 90, POP: 1000, DONE: 0, TOTAL: 0, FLAG: 1 }],
  ["S1", "202309", { SERVICES: 100 }],
  ["D1", "202309", { TARGET: 50 }],
  ["C21", "202308", { SERVICES: 1000 }, "draft"],
  ["C12", "202308", { SERVICES: 3 }, "submitted"],
  ["C21", "202310", { SERVICES: 12 }, "returned"],
];
for (const [code, period, values, stop] of reports) {
  const list = Object.entries(values).map(([metric, value]) => ({ metric, value }));
  const draft = await saveDraft(db, actor, null, { form: "F_MONTHLY", unit: code, period, values: list }, { now });
  if (stop === "draft") continue;
  const sent = await submit(db, actor, null, draft.id, draft.version, { now });
  if (stop === "submitted") continue;
  if (stop === "returned") {
    await returnSubmission(db, actor, null, sent.id, sent.version, "Số liệu chưa đúng", { now });
    continue;
  }
  await approve(db, actor, null, sent.id, sent.version, { now });
}
await database.close();
TS

"$PG_BIN/psql" -q "$PGURL/postgres" -c "create database $DB" >/dev/null
(cd "$OLD" && node --import tsx seed-fixture.ts "$PGURL/$DB")
# Plain SQL with INSERTs, so PGlite can run it too; psql's \restrict lines and the empty
# search_path (the file names every object by its schema) are left out.
"$PG_BIN/pg_dump" --no-owner --no-privileges --inserts --rows-per-insert=100 "$PGURL/$DB" |
  grep -v -e '^\\' -e "^SELECT pg_catalog.set_config('search_path'" \
  >"$ROOT/test/upgrade/schema-0010.sql"
wc -c "$ROOT/test/upgrade/schema-0010.sql"
