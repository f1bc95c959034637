/** What a command may touch: the environment (DATA_DIR, PORT, PUBLIC_URL) and standard output. */
export type CliIo = {
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
};

export type Command = {
  name: string;
  /** One line for `okr help`. */
  summary: string;
  /** `okr export <roomId> [--format json|md|csv] [--out FILE]` */
  usage: string;
  /** Resolves to the exit code; user errors are thrown as CliError (or a shared validation error). */
  run: (argv: string[], io: CliIo) => Promise<number> | number;
};
