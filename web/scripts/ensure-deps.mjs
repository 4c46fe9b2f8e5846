// Runs `npm ci` when package-lock.json changed since the last install (or node_modules is missing), and not
// otherwise: the build calls it every time, and it costs a hash of the lock file when nothing changed.
// The hash of the installed lock file is kept in node_modules/.clause9-lock-hash, which the build depends on.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(web, 'node_modules', '.clause9-lock-hash');
const hash = createHash('sha256').update(readFileSync(join(web, 'package-lock.json'))).digest('hex');

const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (installed === hash && existsSync(join(web, 'node_modules', 'vite', 'package.json'))) process.exit(0);

console.log('web: package-lock.json changed; running npm ci');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: web, stdio: 'inherit' });
writeFileSync(stamp, hash + '\n');
