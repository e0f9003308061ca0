// The `archive` CLI (design section 6). Everything is in lib/cli; bin/archive.mjs loads this file.
import { main } from '../lib/cli/program';

// The AWS SDK warns on stderr that its 2027 releases will need Node 22: it says nothing about this
// command, and it would break the rule that a failure is one line on stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.exitCode = await main(process.argv);
