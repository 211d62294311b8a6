import { parseExpression } from "../expression/index.ts";
import { type FrameworkProblem, problem } from "./errors.ts";
import { frameworkMessages as m } from "./framework-messages.ts";
import { AUTOMATIC_METHODS } from "./metrics.ts";
import { pillarMax, pointsFor } from "./points.ts";
import type { Criterion, Framework, Pillar } from "./types.ts";
import { type GroupMax, isPointValue } from "./validate-award.ts";
import { validateMethod } from "./validate-method.ts";
import { type Codes, checkCodes, checkPointsByGroup } from "./validate-points.ts";
import { checkSums } from "./validate-sums.ts";

/**
 * Every problem of a framework definition, each with its field path and a message in both
 * languages; an empty list means the framework can be used for scoring. Runs defensively on
 * data cast from JSON (an unknown method is reported, not assumed away).
 */
export function validateFramework(def: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  if (def.code.trim() === "") problems.push(problem("code", "BLANK_CODE", m.blankCode()));
  if (!Number.isInteger(def.year) || def.year < 1900 || def.year > 2100) {
    problems.push(problem("year", "INVALID_YEAR", m.invalidYear(def.year)));
  }
  const groups = checkGroups(def, problems);
  const pillars = checkPillars(def, groups, problems);
  if (def.criteria.length === 0) problems.push(problem("criteria", "EMPTY", m.empty("criteria")));
  checkCodes(def.criteria, "criteria", problems);
  def.criteria.forEach((c, i) => {
    const index = pillars.get(c.pillar);
    const pillar = index === undefined ? undefined : def.pillars[index];
    problems.push(...checkCriterion(c, `criteria.${i}`, groups, pillar));
  });
  problems.push(...checkSums(def, groups, pillars));
  return problems;
}

function checkGroups(def: Framework, problems: FrameworkProblem[]): Codes {
  if (def.groups.length === 0) problems.push(problem("groups", "EMPTY", m.empty("groups")));
  const codes = checkCodes(def.groups, "groups", problems);
  def.groups.forEach((g, i) => {
    if (!isPointValue(g.maxTotal) || g.maxTotal === 0) {
      problems.push(problem(`groups.${i}.maxTotal`, "INVALID_POINTS", m.invalidTotal(g.maxTotal)));
    }
  });
  return codes;
}

function checkPillars(def: Framework, groups: Codes, problems: FrameworkProblem[]): Codes {
  if (def.pillars.length === 0) problems.push(problem("pillars", "EMPTY", m.empty("pillars")));
  const codes = checkCodes(def.pillars, "pillars", problems);
  def.pillars.forEach((p, i) => {
    const path = `pillars.${i}.maxPoints`;
    const unknown = (g: string) => problem(`${path}.${g}`, "UNKNOWN_GROUP", m.unknownGroup(g));
    problems.push(...checkPointsByGroup(p.maxPoints, path, (g) => groups.has(g), unknown));
  });
  return codes;
}

function checkCriterion(c: Criterion, path: string, groups: Codes, pillar: Pillar | undefined) {
  const problems: FrameworkProblem[] = [];
  if (pillar === undefined) {
    problems.push(problem(`${path}.pillar`, "UNKNOWN_PILLAR", m.unknownPillar(c.pillar)));
  }
  problems.push(...checkCriterionGroups(c, `${path}.groups`, groups, pillar));
  problems.push(...checkCriterionPoints(c, `${path}.maxPoints`, groups));
  problems.push(...validateMethod(c.method, `${path}.method`, maximaOf(c, groups)));
  if (c.metricExpression !== undefined) {
    const parsed = parseExpression(c.metricExpression);
    const at = `${path}.metricExpression`;
    if (!parsed.ok) problems.push(problem(at, "INVALID_EXPRESSION", m.invalidExpression(parsed.error)));
    else if (!AUTOMATIC_METHODS.includes(c.method.kind)) {
      problems.push(problem(at, "EXPRESSION_NOT_SUPPORTED", m.expressionNotSupported(c.method.kind)));
    }
  }
  return problems;
}

/** Each group known, listed once, and one in which the criterion's pillar counts. */
function checkCriterionGroups(c: Criterion, path: string, groups: Codes, pillar: Pillar | undefined) {
  if (c.groups.length === 0) return [problem(path, "EMPTY", m.empty("criterionGroups"))];
  const problems: FrameworkProblem[] = [];
  const seen = new Map<string, number>();
  c.groups.forEach((g, j) => {
    const at = `${path}.${j}`;
    const first = seen.get(g);
    if (first !== undefined) {
      problems.push(problem(at, "DUPLICATE_CODE", m.duplicateCode(g, `${path}.${first}`)));
    } else if (!groups.has(g)) problems.push(problem(at, "UNKNOWN_GROUP", m.unknownGroup(g)));
    else if (pillar !== undefined && pillarMax(pillar, g) === null) {
      problems.push(problem(at, "PILLAR_NOT_IN_GROUP", m.pillarNotInGroup(pillar.code, g)));
    }
    if (first === undefined) seen.set(g, j);
  });
  return problems;
}

function checkCriterionPoints(c: Criterion, path: string, groups: Codes): FrameworkProblem[] {
  const unknown = (g: string) =>
    problem(`${path}.${g}`, "UNKNOWN_GROUP", groups.has(g) ? m.pointsForOtherGroup(g) : m.unknownGroup(g));
  const problems = checkPointsByGroup(c.maxPoints, path, (g) => c.groups.includes(g), unknown);
  for (const g of new Set(c.groups)) {
    if (groups.has(g) && pointsFor(c.maxPoints, g) === null) {
      problems.push(problem(path, "MISSING_POINTS", m.missingPoints(g)));
    }
  }
  return problems;
}

/** The criterion's valid maximum in each known group it applies to, for its method's checks. */
function maximaOf(c: Criterion, groups: Codes): GroupMax[] {
  const maxima: GroupMax[] = [];
  for (const group of new Set(c.groups)) {
    const max = pointsFor(c.maxPoints, group);
    if (groups.has(group) && max !== null && isPointValue(max)) maxima.push({ group, max });
  }
  return maxima;
}
