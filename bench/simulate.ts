/**
 * National traffic simulator: many organisations' monitoring systems (Wazuh, Suricata, Elastic, CEF
 * firewalls and WAFs, syslog, Lachan connectors) sending alerts to a running server on this machine.
 *
 *   node bench/simulate.ts --url http://127.0.0.1:8080 --orgs 40 --rate 2000 --duration 30
 *
 * See `--help` and bench/simulate/ for the parts. `runSimulation` runs it in-process.
 */
import { parseCli, USAGE } from './simulate/cli-args.ts';
import { formatReport } from './simulate/report.ts';
import { runSimulation } from './simulate/run.ts';

export { runSimulation } from './simulate/run.ts';
export type { SimulationOptions, SimulationReport, FormatStats } from './simulate/types.ts';

async function main(argv: readonly string[]): Promise<number> {
  let cli;
  try {
    cli = parseCli(argv);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (cli.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    // With --json, stdout carries only the report; progress goes to stderr.
    const report = await runSimulation(cli.json ? { ...cli, log: (line) => console.error(line) } : cli);
    if (cli.json) console.log(JSON.stringify(report, null, 2));
    else if (!cli.quiet) console.log(formatReport(report));
    return report.ok ? 0 : 1;
  } catch (e) {
    console.error(`simulation failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
