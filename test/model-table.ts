import { routesModel } from "../src/access/routes-model.ts";

/** The permission model as the Markdown table of docs/security.md (kept equal by a test). */
export function modelTable(): string {
  const rows = Object.entries(routesModel).map(([key, rule]) => {
    const who =
      rule.scope === "public"
        ? "anyone"
        : rule.roles === "any"
          ? "any signed-in user"
          : rule.roles.join(", ");
    return `| \`${key}\` | ${rule.action} | ${who} | ${rule.scope} |`;
  });
  return ["| route | action | roles | scope |", "|---|---|---|---|", ...rows].join("\n");
}
