// Versions read at run time from the installed packages' package.json, never
// written into the code: /api/health must show what is really running.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The version of package `name` as Node would resolve it from `fromDir`. Walks
 * the node_modules lookup paths instead of resolving `name/package.json`,
 * which packages with an `exports` map (like @prisma/adapter-pg) refuse.
 */
export function installedVersion(fromDir, name) {
  const require = createRequire(path.join(fromDir, 'noop.js'))
  for (const dir of require.resolve.paths(name) ?? []) {
    const file = path.join(dir, name, 'package.json')
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).version
  }
  throw new Error(`package ${name} is not installed under ${fromDir} (run npm ci there)`)
}

/** The build's own version and the versions of the Prisma packages it runs on. */
export function buildInfo(buildDir) {
  const own = JSON.parse(readFileSync(path.join(buildDir, 'package.json'), 'utf8'))
  return {
    name: own.name,
    version: own.version,
    prisma: installedVersion(buildDir, '@prisma/client'),
    adapterPg: installedVersion(buildDir, '@prisma/adapter-pg'),
  }
}
