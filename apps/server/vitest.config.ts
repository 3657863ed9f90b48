import { defineConfig } from 'vitest/config';

// Integration tests share one real database (embedded, or PostgreSQL when DATABASE_URL is set),
// prepared once by the global setup; each test creates the records it needs under unique names.
export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The embedded database must see one connection at a time (docs/decisions.md); PostgreSQL takes two workers.
    maxWorkers: process.env.DATABASE_URL ? 2 : 1,
    // A project with its own worker count runs as its own group, after the others.
    sequence: { groupOrder: 1 },
  },
});
