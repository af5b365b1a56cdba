// Writes the element-test tally to a file so `npm test` can add it to the combined closing line.
import { mkdirSync, writeFileSync } from 'node:fs';

function countTests(suite, tally) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) tally.skipped += 1;
    else if (test.passed) tally.passed += 1;
    else tally.failed += 1;
  }
  for (const child of suite?.suites ?? []) countTests(child, tally);
}

export function tallyReporter({ file = '.cache/wtr-tally.json' } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const tally = { passed: 0, failed: 0, skipped: 0, erroredFiles: 0 };
      for (const session of sessions) {
        countTests(session.testResults, tally);
        // A file that failed to load or threw outside a test counts as one failure, never as silence.
        if (!session.passed && (session.errors?.length ?? 0) > 0) tally.erroredFiles += 1;
      }
      mkdirSync('.cache', { recursive: true });
      writeFileSync(file, JSON.stringify(tally));
    },
  };
}
