/** The PostgreSQL server the tests use (TEST_DATABASE_URL), with another database name. */
export function adminUrl(database?: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
  if (database) url.pathname = `/${database}`;
  return url.toString();
}

export function templateName(): string {
  return `chiso_tpl_${process.pid}`;
}
