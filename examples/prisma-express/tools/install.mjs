#!/usr/bin/env node
// Installs a build's packages from its committed lockfile, once:
//
//   node examples/prisma-express/tools/install.mjs <prisma6|prisma7> [--force]
//
// Runs `npm ci --ignore-scripts` in the build's folder, then writes
// node_modules/.lockfile-sha256. The next call finds that stamp equal to the
// lockfile's SHA-256 (and the same Node.js major version) and returns at once:
// npm ci itself takes ~20 s here even with a warm npm cache, because it
// deletes and re-extracts ~200 MB of node_modules each time.
//
// --ignore-scripts: no install script is needed. The only ones are Prisma's:
// prisma's preinstall checks the Node.js version, @prisma/engines' postinstall
// tries to download native engines (it fails silently offline), and
// @prisma/client 6's postinstall runs `prisma generate` (done explicitly by
// tools/generate.mjs instead).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const [build, flag] = process.argv.slice(2)
if (!['prisma6', 'prisma7'].includes(build) || (flag !== undefined && flag !== '--force')) {
  console.error('install: usage: install.mjs <prisma6|prisma7> [--force]')
  process.exit(2)
}
const dir = path.join(root, build)
const lockfile = readFileSync(path.join(dir, 'package-lock.json'))
const wanted = `${createHash('sha256').update(lockfile).digest('hex')} node${process.versions.node.split('.')[0]}\n`
const stamp = path.join(dir, 'node_modules', '.lockfile-sha256')

if (flag !== '--force' && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) {
  console.log(`install: ${build} is up to date with its package-lock.json`)
  process.exit(0)
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const started = Date.now()
const result = spawnSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' })
if (result.error) {
  console.error(`install: could not run npm: ${result.error.message}`)
  process.exit(2)
}
if (result.status !== 0) process.exit(result.status ?? 1)
writeFileSync(stamp, wanted)
console.log(`install: ${build} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
