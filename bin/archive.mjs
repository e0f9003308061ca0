#!/usr/bin/env node
// Executable shim for the `archive` command (package.json "bin"): registers tsx so that Node
// can load the TypeScript sources, then runs bin/archive.ts.
import { register } from 'tsx/esm/api';

register();
await import('./archive.ts');
