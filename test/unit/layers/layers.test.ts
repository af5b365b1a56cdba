// The layers of the code are a lint rule (eslint.config.js): core knows neither Lit nor the
// server, and elements and server never import each other. These cases show the rule fails where
// it should and stays quiet where imports are allowed.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('layers', () => {
  let eslint: ESLint;
  before(() => {
    eslint = new ESLint({ cwd: root });
  });

  /** The import refusals of one line of code, as if written in `file`. */
  async function refusals(file: string, code: string): Promise<number> {
    const [result] = await eslint.lintText(`${code}\nexport const used = probe;\n`, { filePath: `${root}${file}` });
    return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').length;
  }

  const cases: [file: string, code: string, refused: boolean][] = [
    ['src/core/probe.ts', "import { html as probe } from 'lit';", true],
    ['src/core/probe.ts', "import { ContextProvider as probe } from '@lit/context';", true],
    ['src/core/stats/probe.ts', "import { fire as probe } from '../../elements/shared/events.js';", true],
    ['src/core/probe.ts', "import type { ServerContext as probe } from '../server/context.js';", true],
    ['src/core/probe.ts', "import probe from 'fastify';", true],
    ['src/elements/carte/probe.ts', "import { buildApp as probe } from '../../server/app.js';", true],
    ['src/server/routes/probe.ts', "import { fire as probe } from '../../elements/shared/events.js';", true],
    ['src/server/routes/probe.ts', "import { LitElement as probe } from 'lit';", true],
    ['src/elements/carte/probe.ts', "import { validateSiret as probe } from '../../core/siret.js';", false],
    ['src/server/routes/probe.ts', "import { validateSiret as probe } from '../../core/siret.js';", false],
    ['src/core/probe.ts', "import * as probe from 'zod/mini';", false],
  ];
  for (const [file, code, refused] of cases) {
    test(`${refused ? 'refuses' : 'allows'} in ${file}: ${code}`, async () => {
      assert.equal((await refusals(file, code)) > 0, refused);
    });
  }
});
