// One Vitest run over every workspace; each project keeps its own environment and setup.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/core', 'apps/server', 'apps/web', 'tools/demo', 'tools/docs'],
  },
});
