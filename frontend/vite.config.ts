/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The bundle is written straight into the jar's static resources by the Maven build.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/actuator': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    // one worker: the machine's two cores are shared
    maxWorkers: 1,
    // room for several slow findBy… steps in one test on a loaded machine (see src/testing/setup.ts)
    testTimeout: 20_000,
  },
});
