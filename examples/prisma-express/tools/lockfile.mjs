#!/usr/bin/env node
// Keeps the builds' package-lock.json files free of host names:
//
//   node examples/prisma-express/tools/lockfile.mjs check  [prisma6 prisma7]
//   node examples/prisma-express/tools/lockfile.mjs update [prisma6 prisma7]
//
// check: fails unless each lockfile is lockfileVersion 3, has no `resolved`
//   field (the build's .npmrc sets omit-lockfile-registry-resolved, so npm ci
//   fetches from whatever registry the machine is configured for), contains no
//   URL at all, and the build's package.json pins every dependency exactly.
// update: re-locks after a package.json change (npm install --package-lock-only,
//   no install scripts), then drops the packages' `funding` links, which npm
//   copies into the lockfile and which npm ci does not use.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const [mode, ...named] = process.argv.slice(2)
const builds = named.length > 0 ? named : ['prisma6', 'prisma7']
const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/

function problems(build) {
  const dir = path.join(root, build)
  const found = []
  const text = readFileSync(path.join(dir, 'package-lock.json'), 'utf8')
  const lock = JSON.parse(text)
  if (lock.lockfileVersion !== 3) found.push(`lockfileVersion is ${lock.lockfileVersion}, expected 3`)
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if ('resolved' in entry) found.push(`${where || '(root)'} has a resolved URL`)
  }
  const url = text.match(/[a-z][a-z0-9+.-]*:\/\/[^"\s]*/i)
  if (url) found.push(`contains a URL: ${url[0].replace(/\/\/([^/]+)/, '//<host>')}`)
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
  for (const [name, spec] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
    if (!EXACT.test(spec)) found.push(`package.json: ${name} is "${spec}", not an exact version`)
  }
  return found
}

function update(build) {
  const dir = path.join(root, build)
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const result = spawnSync(npm, ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: 'inherit',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
  const file = path.join(dir, 'package-lock.json')
  const lock = JSON.parse(readFileSync(file, 'utf8'))
  for (const entry of Object.values(lock.packages ?? {})) delete entry.funding
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
}

if (mode !== 'check' && mode !== 'update') {
  console.error('lockfile: first argument must be check or update')
  process.exit(2)
}
let failed = false
for (const build of builds) {
  if (mode === 'update') update(build)
  const found = problems(build)
  for (const problem of found) console.error(`${build}/package-lock.json: ${problem}`)
  if (found.length === 0) console.log(`${build}/package-lock.json: ok (lockfileVersion 3, no resolved URLs, no host names, exact pins)`)
  failed ||= found.length > 0
}
process.exit(failed ? 1 : 0)
