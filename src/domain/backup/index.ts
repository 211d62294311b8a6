export {
  backupFileName,
  backupInstant,
  type RetentionDecision,
  type RetentionPolicy,
  retainBackups,
  vietnamHour,
} from "./retention.ts";
