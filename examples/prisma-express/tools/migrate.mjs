#!/usr/bin/env node
// Applies a build's Prisma migrations with the real Prisma CLI:
//
//   node examples/prisma-express/tools/migrate.mjs <prisma6|prisma7> [deploy|status]
//
// Both builds are migrated with the 6.19.0 build's CLI (`prisma migrate deploy`
// through its Wasm schema engine, see prisma6/prisma.config.ts), because
// Prisma 7.0.1's `migrate` needs a native schema-engine binary that is not on
// the npm registry. For the 7.0.1 build the CLI is pointed at
// prisma7/prisma/migrations, so `_prisma_migrations` gets that build's rows.
// Needs DATABASE_URL; runs without a shell, from any working directory.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const builds = ['prisma6', 'prisma7']
const [build, command = 'deploy'] = process.argv.slice(2)

function fail(message) {
  console.error(`migrate: ${message}`)
  process.exit(2)
}

if (!builds.includes(build)) fail(`first argument must be one of ${builds.join(', ')}, got ${JSON.stringify(build)}`)
if (!['deploy', 'status'].includes(command)) fail(`second argument must be deploy or status, got ${JSON.stringify(command)}`)
if (!process.env.DATABASE_URL) fail('DATABASE_URL is not set (the PostgreSQL database to migrate)')

const cliBuild = path.join(root, 'prisma6')
const cli = path.join(cliBuild, 'node_modules', 'prisma', 'build', 'index.js')
if (!existsSync(cli)) fail(`the Prisma 6.19.0 CLI is not installed: run npm ci --prefix ${path.relative(process.cwd(), cliBuild) || '.'}`)
const migrations = path.join(root, build, 'prisma', 'migrations')
if (!existsSync(migrations)) fail(`no migrations folder at ${migrations}`)

const result = spawnSync(
  process.execPath,
  [cli, 'migrate', command, '--config', path.join(cliBuild, 'prisma.config.ts')],
  {
    cwd: cliBuild,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_MIGRATIONS_DIR: migrations,
      // no telemetry/update checks: the machine reaches only the npm registry
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  },
)
if (result.error) fail(`could not run the Prisma CLI: ${result.error.message}`)
process.exit(result.status ?? 1)
