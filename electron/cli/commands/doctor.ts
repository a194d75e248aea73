import { runDoctor, type DoctorReport, type ToolReport } from '../../engine/run-doctor';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand } from '../cli-context';

function gib(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

function toolLines(name: string, tool: ToolReport): string[] {
  if (!tool.ok) return [`${name}: NOT WORKING`, `  ${tool.error ?? ''}`];
  const lines = [
    `${name}: ${tool.version ?? '?'}`,
    `  path      ${tool.path ?? ''}`,
    `  from      ${tool.origin ?? ''} (${tool.from ?? ''})`,
  ];
  if (tool.encoders) lines.push(`  encoders  ${tool.encoders.join(', ') || 'none of the usual ones'}`);
  if (tool.hardwareEncoders) lines.push(`  hardware  ${tool.hardwareEncoders.join(', ') || 'none'}`);
  return lines;
}

export function formatDoctor(report: DoctorReport): string {
  const lines = [
    ...toolLines('ffmpeg', report.ffmpeg),
    ...toolLines('ffprobe', report.ffprobe),
    `data      ${report.dataDir}`,
  ];
  const db = report.database;
  if (db.ok) {
    lines.push(`database  ${db.path} (schema ${db.schemaVersion ?? '?'})`);
    const counts = Object.entries(db.videosByState ?? {}).filter(([, n]) => n > 0);
    lines.push(`videos    ${counts.length === 0 ? 'none' : counts.map(([s, n]) => `${n} ${s}`).join(', ')}`);
  }
  lines.push(`disk      ${report.disk.freeBytes < 0 ? 'unknown' : `${gib(report.disk.freeBytes)} free`}`);
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  for (const problem of report.problems) lines.push(`problem: ${problem}`);
  lines.push(report.ok ? 'Ferry can work here.' : 'Ferry cannot work here until the problems above are fixed.');
  return lines.join('\n');
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'Check ffmpeg, ffprobe, the database and disk space',
  usage: `ferry doctor [--json]

  Exits 0 when Ferry can work, 1 otherwise, saying why.
  --json   print the report as JSON`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, true);
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const report = await runDoctor(context.dataDir, context.env);
    context.stdout(values.json ? JSON.stringify(report, null, 2) : formatDoctor(report));
    return report.ok ? exitCodes.ok : exitCodes.failure;
  },
};
