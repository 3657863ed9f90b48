import { defineConfig } from 'vitest/config';

// The documentation tests: guide links, images and screenshots (fast), and the API guide's curl
// examples against a real server on a throwaway embedded database (slow: it seeds a small demo).
export default defineConfig({
  test: {
    name: 'docs',
    include: ['*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Its own group after the others: the server it starts needs the machine to itself.
    sequence: { groupOrder: 2 },
  },
});
