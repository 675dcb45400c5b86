/**
 * The must-fail type contract (tests/types/contract/must-fail.ts), compiled against the BUILT
 * package as a user's code is: exactly one compile error on each line marked `// must-fail`
 * (17 of them) and none anywhere else, in the default type mode. `npm test` builds dist/ first.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');
const dir = path.join(root, 'tests/types/contract');
const file = path.join(dir, 'must-fail.ts');

function compile(): { line: number; message: string }[] {
  const configPath = path.join(dir, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    if (!d.file || path.resolve(d.file.fileName) !== file)
      return {
        line: -1,
        message: `${d.file?.fileName ?? 'global'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
      };
    return {
      line: d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
      message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
    };
  });
}

describe('the must-fail type contract, against dist/', () => {
  it('has exactly one error on each of its 17 must-fail lines and none elsewhere', () => {
    if (!existsSync(path.join(root, 'dist/index.d.ts')))
      throw new Error('dist/ is not built: run `npm run build` (npm test does) before this test.');
    const marked = readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((text, i) => (text.includes('// must-fail:') ? [i + 1] : []));
    expect(marked).toHaveLength(17);
    const errors = compile();
    const unexpected = errors.filter((e) => !marked.includes(e.line));
    expect(unexpected).toEqual([]);
    const perLine = marked.map((line) => ({ line, errors: errors.filter((e) => e.line === line).length }));
    expect(perLine).toEqual(marked.map((line) => ({ line, errors: 1 })));
    expect(errors).toHaveLength(17);
  });
});
