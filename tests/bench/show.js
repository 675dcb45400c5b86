// Prints one scenario-child result (stdin) as a table: a quick look during a focused run.
let s = '';
process.stdin
  .on('data', (d) => (s += d))
  .on('end', () => {
    const r = JSON.parse(s.slice(s.indexOf('@@RESULTS@@') + 11));
    for (const o of r) {
      console.log(o.op);
      for (const m of o.rows)
        console.log(
          '   ',
          m.name.padEnd(34),
          m.ratio.toFixed(2),
          `[${m.lo.toFixed(2)}-${m.hi.toFixed(2)}]`,
          m.perOpUs.toFixed(1),
        );
      for (const x of o.skipped) console.log('    skip', x.name, x.reason);
    }
  });
