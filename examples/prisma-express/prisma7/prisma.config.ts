// Prisma CLI config for the 7.0.1 build (Prisma 7 reads the connection URL
// from here, not from schema.prisma).
//
// Prisma 7.0.1 has no Wasm schema engine option (`engine`/`adapter` are gone
// from @prisma/config 7), so its `migrate` needs the native schema-engine
// binary, which cannot be downloaded on machines that reach only the npm
// registry. tools/migrate.mjs therefore deploys this build's migrations with
// the 6.19.0 build's CLI; this file is what `prisma generate` (and, where the
// binary is available, `prisma migrate`) reads.
import path from 'node:path'
import { defineConfig } from 'prisma/config'

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: {
    path: path.join('prisma', 'migrations'),
  },
  datasource: {
    // `generate` does not connect; an unset DATABASE_URL must not stop it.
    url: process.env.DATABASE_URL ?? '',
  },
})
