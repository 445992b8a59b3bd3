#!/usr/bin/env node
// Dependency audit for CI: `npm audit --omit=dev` (what ships), failing on a high or critical advisory unless
// .ci/audit-exceptions.json names it with a reason (and, optionally, a date after which it no longer counts).
// When the advisory service can't be reached the run says so loudly and goes on (set AUDIT_REQUIRED=true to fail
// instead): a registry mirror without the audit endpoint must not block every change.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const BLOCKING = new Set(['high', 'critical']);

/** The advisories of an `npm audit --json` report: [{id, url, title, severity, package}], or null if it is no report. */
function advisoriesOf(report) {
  if (!report || typeof report !== 'object' || !report.vulnerabilities || report.error) return null;
  const found = new Map();
  for (const [name, entry] of Object.entries(report.vulnerabilities)) {
    for (const via of entry.via ?? []) {
      if (typeof via !== 'object' || via === null) continue; // a package that is vulnerable through another one
      const id = String(via.url ?? via.source ?? via.name).replace(/^https:\/\/github\.com\/advisories\//, '');
      if (!found.has(id)) found.set(id, { id, url: via.url ?? '', title: via.title ?? '', severity: via.severity ?? entry.severity, package: via.name ?? name });
    }
  }
  return [...found.values()];
}

/** Exceptions that count today: each needs an advisory id and a reason; an `until` date in the past ends it. */
function validExceptions(list, today) {
  const problems = [];
  const ids = new Set();
  for (const [index, entry] of (Array.isArray(list) ? list : []).entries()) {
    if (!entry || typeof entry.advisory !== 'string' || !entry.advisory.trim()) problems.push(`entry ${index + 1} names no "advisory"`);
    else if (typeof entry.reason !== 'string' || entry.reason.trim().length < 10) problems.push(`${entry.advisory}: say why in "reason"`);
    else if (entry.until && !(String(entry.until) >= today)) problems.push(`${entry.advisory}: the exception ended on ${entry.until}`);
    else ids.add(entry.advisory.replace(/^https:\/\/github\.com\/advisories\//, ''));
  }
  return { ids, problems };
}

/** The verdict on a report: what blocks, what is excepted, what the exception list got wrong. */
function judge(report, exceptions, today = new Date().toISOString().slice(0, 10)) {
  const advisories = advisoriesOf(report);
  if (advisories === null) return { available: false, blocking: [], excepted: [], other: [], problems: [] };
  const { ids, problems } = validExceptions(exceptions, today);
  const serious = advisories.filter((a) => BLOCKING.has(a.severity));
  return {
    available: true,
    blocking: serious.filter((a) => !ids.has(a.id)),
    excepted: serious.filter((a) => ids.has(a.id)),
    other: advisories.filter((a) => !BLOCKING.has(a.severity)),
    problems,
  };
}

function main() {
  const root = path.resolve(__dirname, '..');
  const input = process.argv.indexOf('--report');
  const raw =
    input > 0
      ? fs.readFileSync(process.argv[input + 1], 'utf8')
      : spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
  let report = null;
  try {
    report = JSON.parse(raw);
  } catch {
    report = null;
  }
  const exceptions = JSON.parse(fs.readFileSync(path.join(__dirname, 'audit-exceptions.json'), 'utf8'));
  const verdict = judge(report, exceptions);
  if (!verdict.available) {
    const why = report && report.message ? report.message : 'no report';
    console.log(`npm audit: WARNING: the advisory service could not be reached (${why}); dependencies were NOT audited in this run.`);
    return process.env.AUDIT_REQUIRED === 'true' ? 2 : 0;
  }
  for (const a of verdict.excepted) console.log(`npm audit: excepted ${a.severity} ${a.id} in ${a.package} (see .ci/audit-exceptions.json)`);
  for (const a of verdict.other) console.log(`npm audit: ${a.severity} ${a.id} in ${a.package}: ${a.title} (not blocking)`);
  for (const problem of verdict.problems) console.log(`npm audit: exception list: ${problem}`);
  for (const a of verdict.blocking) console.log(`npm audit: BLOCKING ${a.severity} ${a.id} in ${a.package}: ${a.title} ${a.url}`);
  const failed = verdict.blocking.length > 0 || verdict.problems.length > 0;
  console.log(failed ? 'npm audit: failed (update the package, or add an exception with a reason)' : 'npm audit: no high or critical advisory in production dependencies');
  return failed ? 1 : 0;
}

module.exports = { advisoriesOf, judge };
if (require.main === module) process.exitCode = main();
