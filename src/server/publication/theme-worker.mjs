// A worker thread does not inherit the TypeScript loader the server runs with (Node 20):
// it registers it, then runs the worker written in TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./theme-worker.ts');
