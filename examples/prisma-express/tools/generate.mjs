#!/usr/bin/env node
// Generates a build's Prisma Client offline (only the npm registry reachable):
//
//   node examples/prisma-express/tools/generate.mjs <prisma6|prisma7>
//
// prisma6: `prisma generate` (prisma-client-js, engineType "client") into
//   prisma6/generated/client. The 6.19.0 CLI reads the schema's engine type
//   first and, if that fails, assumes the native "library" engine and tries to
//   download it; reading fails when the datasource's env("DATABASE_URL") is
//   unset, so an unset DATABASE_URL is given a placeholder here (generate never
//   connects). The schema engine is not needed because prisma.config.ts sets
//   engine 'js'.
// prisma7: `prisma generate` (prisma-client, TypeScript) into
//   prisma7/generated/prisma, then tsc compiles it to ESM JavaScript in place.
//   The 7.0.1 CLI insists on a schema-engine binary before any command and
//   tries to download it; generate never runs it, so PRISMA_SCHEMA_ENGINE_BINARY
//   points at a placeholder file (it must exist) unless already set.
// Runs without a shell, from any working directory.
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const build = process.argv[2]
const outputs = { prisma6: 'generated/client', prisma7: 'generated/prisma' }

function fail(message) {
  console.error(`generate: ${message}`)
  process.exit(2)
}

if (!(build in outputs)) fail(`the argument must be one of ${Object.keys(outputs).join(', ')}, got ${JSON.stringify(build)}`)
const dir = path.join(root, build)
const cli = path.join(dir, 'node_modules', 'prisma', 'build', 'index.js')
if (!existsSync(cli)) fail(`Prisma CLI not installed in ${dir}: run npm ci --prefix ${dir}`)

const env = {
  ...process.env,
  CHECKPOINT_DISABLE: '1', // no telemetry/version check over the network
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
}
if (build === 'prisma6' && !env.DATABASE_URL) env.DATABASE_URL = 'postgresql://generate-only@127.0.0.1:5432/not-connected'
if (build === 'prisma7' && !env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, 'tools', 'schema-engine.placeholder')
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: dir, env, stdio: 'inherit' })
  if (result.error) fail(`could not run ${args[0]}: ${result.error.message}`)
  if (result.status !== 0) process.exit(result.status ?? 1)
}

// a stale client (or stale compiled .js) must not survive a schema change
rmSync(path.join(dir, outputs[build]), { recursive: true, force: true })
run([cli, 'generate', '--no-hints'])
if (build === 'prisma7') {
  run([path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.generated.json'])
  console.log(`Compiled ${outputs[build]} to JavaScript`)
}
