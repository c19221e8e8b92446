// What the 7.0.1 build runs on: its own pinned packages and the Prisma Client
// that the `prisma-client` generator wrote to generated/prisma (compiled to
// JavaScript by tools/generate.mjs). The shared code in ../src gets these.
export { default as express } from 'express'
export { default as pg } from 'pg'
export { default as promClient } from 'prom-client'
export { PrismaPg } from '@prisma/adapter-pg'
export { PrismaClient } from './generated/prisma/client.js'
export const buildDir = import.meta.dirname
