// Jest reads `testTimeout` only from the global config, never from a project, so the
// integration project sets its longer timeout here (DynamoDB Local and JVM start-up on a
// loaded machine take longer than the 5 s default).
jest.setTimeout(30_000);
