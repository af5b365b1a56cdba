// Lists the test files under the given folders (Node 20's --test takes no glob patterns).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function findTests(dir, suffix = '.test.ts') {
  let found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(findTests(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found;
}
