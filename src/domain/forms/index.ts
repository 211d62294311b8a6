export { fitForm, reportsIn, versionAt } from "./fit.ts";
export { groupNames, type UnitGroup, unitGroup, unitGroups } from "./groups.ts";
