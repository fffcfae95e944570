/** A CLI command: gets its arguments (after the command name) and returns the process exit code. */
export interface CliCommand {
  readonly description: string;
  run(args: string[]): Promise<number>;
}
