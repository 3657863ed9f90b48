// Values shared by the test setup and the tests.
export const TEST_DEMO_PASSWORD = 'Test-Demo-Password-1';
export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hmac-0123456789';
