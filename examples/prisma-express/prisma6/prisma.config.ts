// Prisma CLI config for the 6.19.0 build.
//
// `engine: 'js'` makes `prisma migrate deploy` run the Wasm schema engine
// (@prisma/schema-engine-wasm, bundled in the `prisma` package) over the
// @prisma/adapter-pg driver adapter (wrapped, see migrate-adapter.mjs), so no
// native schema-engine binary is
// downloaded. It is an experimental Prisma 6 feature and needs
// `experimental.adapter: true` (checked by @prisma/config 6.19.0).
//
// tools/migrate.mjs also uses this CLI to deploy the 7.0.1 build's migrations
// (Prisma 7.0.1's own `migrate` needs the native binary): it points
// PRISMA_MIGRATIONS_DIR at that build's prisma/migrations folder.
import path from 'node:path'
import { defineConfig } from 'prisma/config'
import { migrationAdapter } from './migrate-adapter.mjs'

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => {
    const connectionString = process.env.DATABASE_URL
    if (!connectionString) {
      throw new Error('DATABASE_URL is not set: the migration needs a PostgreSQL connection URL')
    }
    return migrationAdapter(connectionString)
  },
  schema: path.join('prisma', 'schema.prisma'),
  migrations: {
    path: process.env.PRISMA_MIGRATIONS_DIR ?? path.join('prisma', 'migrations'),
  },
})
