import { defineConfig } from '@playwright/test';

// Browser tests against the real packaged app (`mvn -B package -DskipTests` first), talking to the fake
// OpenAI-compatible model server in e2e/. Debian's Chromium is used: Playwright's own browser download is
// not available on these machines.
const appPort = Number(process.env.E2E_APP_PORT ?? 18480);
const modelPort = Number(process.env.E2E_MODEL_PORT ?? 18481);

export default defineConfig({
  testDir: './e2e',
  outputDir: '../target/e2e-results',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: [
    {
      command: `node e2e/fake-model-server.mjs --port ${modelPort}`,
      url: `http://127.0.0.1:${modelPort}/v1/models`,
      timeout: 15_000,
      reuseExistingServer: false,
      stdout: 'pipe', // the fake's one line
    },
    {
      command: [
        '${JAVA_BIN:-java} --add-modules jdk.incubator.vector --sun-misc-unsafe-memory-access=allow',
        '-jar ../target/govchat-0.1.0-SNAPSHOT.jar',
        `--server.port=${appPort}`,
        '--govchat.embedded-postgres.ephemeral=true',
        '--govchat.backends.default.type=openai-compatible',
        `--govchat.backends.default.base-url=http://127.0.0.1:${modelPort}/v1`,
        '--govchat.backends.default.default-model=fake',
        '${E2E_APP_ARGS:-}', // extra Spring Boot arguments, e.g. to serve a freshly built frontend from target/classes/static
      ].join(' '),
      url: `http://127.0.0.1:${appPort}/actuator/health/readiness`,
      timeout: 240_000,
      reuseExistingServer: false,
      // the app's log is long; its errors still come through stderr
      stdout: 'ignore',
      // SIGTERM lets the app stop its embedded PostgreSQL (a SIGKILL left the postmaster running)
      gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    },
  ],
});
