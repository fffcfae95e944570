// Generates a DESIGN §4 scoring input of realistic shape from a seed: N innovations in 3 categories,
// 3 weighted stages of 4 criteria each, 5 distinct jurors (from a pool, each with a bias) per innovation and
// stage. Defaults: 50,000 innovations × 5 jurors × 4 criteria × 3 stages = 3,000,000 criterion values.
// Usage (after `node scripts/build.mjs`): node dist/bench/scoring/generate.js OUT.json [--innovations N] [--seed S]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from '../lib/random';

export interface GenerateOptions {
  innovations?: number;
  jurorsPerInnovation?: number;
  jurorPool?: number;
  seed?: number;
  aggregation?: 'mean' | 'median' | 'trimmed_mean' | 'zscore';
}

const CATEGORIES = ['kota', 'kabupaten', 'provinsi'];
const STAGES = [
  { key: 'desk_review', weight: 20, criteria: ['kebaruan', 'efektivitas', 'kemanfaatan', 'replikasi'] },
  { key: 'presentation', weight: 50, criteria: ['kebaharuan', 'kemanfaatan', 'kolaborasi', 'penguasaan_materi'] },
  { key: 'field_verification', weight: 30, criteria: ['kesesuaian_data', 'dampak_nyata', 'keberlanjutan', 'replikasi'] },
];

/** Writes the generated input as JSON to `file`, streaming the sheets; returns the sheet count. */
export async function writeScoringInput(file: string, options: GenerateOptions = {}): Promise<{ sheets: number; values: number }> {
  const { innovations = 50_000, jurorsPerInnovation = 5, jurorPool = 60, seed = 2024, aggregation = 'mean' } = options;
  const random = mulberry32(seed);
  const out = createWriteStream(file);
  const emit = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const bias = Array.from({ length: jurorPool }, () => Math.round((random() - 0.5) * 20));
  const ids = Array.from({ length: innovations }, (_, i) => `inv-${String(i).padStart(6, '0')}`);

  await emit(
    `{"method":${JSON.stringify({ aggregation, trim: 1, decimals: 4 })},` +
      `"stages":${JSON.stringify(STAGES.map((s) => ({ key: s.key, weight: s.weight, criteria: s.criteria.map((c, i) => ({ key: c, weight: 10 + 5 * i, min: 0, max: 100 })) })))},` +
      `"bands":[{"label":"Sangat Inovatif","min":60.01},{"label":"Inovatif","min":35},{"label":"Kurang Inovatif","min":0.01},{"label":"Tidak Dapat Dinilai","min":0}],` +
      `"submissions":[`,
  );
  const day = Date.UTC(2024, 8, 1);
  for (let i = 0; i < innovations; i++) {
    const submittedAt = new Date(day + Math.floor(random() * 30 * 86_400_000)).toISOString();
    await emit(`${i ? ',' : ''}{"id":"${ids[i]}","category":"${CATEGORIES[i % CATEGORIES.length]}","submittedAt":"${submittedAt}"}`);
  }
  await emit('],"sheets":[');
  let sheets = 0;
  let chunk = '';
  for (const stage of STAGES) {
    for (let i = 0; i < innovations; i++) {
      const quality = 30 + random() * 60;
      const first = Math.floor(random() * jurorPool);
      for (let j = 0; j < jurorsPerInnovation; j++) {
        const juror = (first + j) % jurorPool; // distinct jurors for this innovation and stage
        const scores = stage.criteria.map(
          (c) => `"${c}":${Math.max(0, Math.min(100, Math.round(quality + bias[juror] + (random() - 0.5) * 30)))}`,
        );
        chunk += `${sheets++ ? ',' : ''}{"stage":"${stage.key}","juror":"juror-${juror}","submission":"${ids[i]}","scores":{${scores.join(',')}}}`;
      }
      if (chunk.length > 1 << 20) {
        await emit(chunk);
        chunk = '';
      }
    }
  }
  await emit(`${chunk}]}\n`);
  out.end();
  await once(out, 'finish');
  return { sheets, values: sheets * 4 };
}

if (require.main === module) {
  const [file, ...rest] = process.argv.slice(2);
  const flag = (name: string) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? Number(rest[i + 1]) : undefined;
  };
  if (!file) {
    process.stderr.write('usage: node dist/bench/scoring/generate.js OUT.json [--innovations N] [--seed S]\n');
    process.exitCode = 2;
  } else {
    writeScoringInput(file, { innovations: flag('innovations'), seed: flag('seed') }).then(({ sheets, values }) =>
      process.stdout.write(`wrote ${file}: ${sheets} sheets, ${values} criterion values\n`),
    );
  }
}
