// Command line of `npm run bench` and of its sections.
export const SECTIONS = ['extraction', 'bundle', 'query', 'e2e', 'cost'] as const;
export type Section = (typeof SECTIONS)[number];

export type BenchArgs = {
  quick: boolean;
  only: Section[];
  /** Emulator of the query section: dynalite (default) or DynamoDB Local. */
  dynamo: 'dynalite' | 'ddblocal';
  out: string | null;
  help: boolean;
};

export const USAGE = `npm run bench [-- options]

  --quick                 a ~2 minute run: smaller corpora, 1k and 10k records for queries
  --only a,b              run only these sections: ${SECTIONS.join(', ')}
  --dynamo dynalite|ddblocal
                          emulator for the query section (default dynalite; DynamoDB Local needs Java 17)
  --out FILE              where to write the results (default bench/results.json)
  --help                  this text`;

export const parseArgs = (argv: string[]): BenchArgs => {
  const args: BenchArgs = { quick: false, only: [...SECTIONS], dynamo: 'dynalite', out: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--quick') args.quick = true;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--out') args.out = value();
    else if (flag === '--dynamo') {
      const v = value();
      if (v !== 'dynalite' && v !== 'ddblocal') throw new Error(`--dynamo must be dynalite or ddblocal, not ${v}`);
      args.dynamo = v;
    } else if (flag === '--only') {
      const names = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
      if (unknown.length > 0)
        throw new Error(`unknown section ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
      args.only = SECTIONS.filter((s) => names.includes(s));
    } else throw new Error(`unknown option ${argv[i]}\n\n${USAGE}`);
  }
  return args;
};
