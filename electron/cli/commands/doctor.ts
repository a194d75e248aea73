import { runDoctor, type DoctorReport, type ToolReport } from '../../engine/run-doctor';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand } from '../cli-context';

function gib(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

/** The candidates not chosen, so a user sees that the bundled build works, or why it does not. */
function otherCandidates(tool: ToolReport): string[] {
  return tool.candidates
    .filter((c) => !c.chosen)
    .map((c, i) => {
      const verdict = c.ok ? `works, ${c.version ?? '?'}` : (c.error ?? 'does not work');
      return `  ${i === 0 ? 'others  ' : '        '}  ${c.origin} (${c.from}): ${verdict}`;
    });
}

function toolLines(name: string, tool: ToolReport): string[] {
  const also = otherCandidates(tool);
  if (!tool.ok) return [`${name}: NOT WORKING`, `  ${tool.error ?? ''}`, ...also];
  const lines = [
    `${name}: ${tool.version ?? '?'}`,
    `  path      ${tool.path ?? ''}`,
    `  from      ${tool.origin ?? ''} (${tool.from ?? ''})`,
  ];
  if (tool.encoders) lines.push(`  encoders  ${tool.encoders.join(', ') || 'none of the usual ones'}`);
  if (tool.hardwareEncoders) lines.push(`  hardware  ${tool.hardwareEncoders.join(', ') || 'none'}`);
  // Each H.264/HEVC one after its test encode: only one that works is used (with the fast preset).
  for (const check of tool.hardwareChecks ?? [])
    lines.push(`            ${check.encoder}: ${check.ok ? 'works' : `failed: ${check.error ?? ''}`}`);
  if (tool.trial) {
    lines.push(`  test      ${tool.trial.ok ? 'passed' : `FAILED: ${tool.trial.error ?? ''}`}`);
    for (const done of tool.trial.done) lines.push(`            ${done}`);
  }
  return [...lines, ...also];
}

const toolPairText: Record<DoctorReport['toolPair'], string> = {
  matched: 'ffmpeg and ffprobe from one build',
  mixed: 'ffmpeg and ffprobe from different builds',
  incomplete: 'not both found',
};

export function formatDoctor(report: DoctorReport): string {
  const lines = [
    ...toolLines('ffmpeg', report.ffmpeg),
    ...toolLines('ffprobe', report.ffprobe),
    `tools     ${toolPairText[report.toolPair]}`,
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
  summary: 'Check ffmpeg and ffprobe (on a clip they make and read), the database and disk space',
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
