import { useState } from 'react';
import { downloads, unrankedPage, type RankedRow, type RankingView, type UnrankedRow } from '../../api/public';
import { Table } from '../../components/staff/Table';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { BandBadge } from './BandBadge';
import { useFormat } from './format';
import { useLimit } from './useLimit';

type Stages = RankingView['stages'];

interface Props {
  category: string;
  rows: readonly RankedRow[];
  stages: Stages;
  /** Band → 0 for the best band, 1 for the next … (see bandTiers). */
  tiers: ReadonlyMap<string, number>;
  snapshotId: string;
}

/** One category's ranking: rank (shared ranks marked), innovation, final score and band, stage scores, certificate. */
export function RankingTable({ category, rows, stages, tiers, snapshotId }: Props) {
  const { t, pick } = useI18n();
  const f = useFormat();
  const { shown, more } = useLimit(rows);
  const totalWeight = stages.reduce((sum, s) => sum + s.weight, 0);
  const stageColumn = (s: Stages[number]) => ({
    label: `${pick(s.label)} (${s.weight > 0 ? t('pub.col.share', { pct: f.percent(s.weight / totalWeight) }) : t('pub.col.unweighted')})`,
    num: true,
  });
  const perRank = new Map<number, number>();
  for (const r of rows) perRank.set(r.rank, (perRank.get(r.rank) ?? 0) + 1);
  const columns = [
    { label: t('pub.col.rank'), short: '#' },
    t('pub.col.innovation'),
    { label: t('pub.col.final'), num: true },
    ...stages.map(stageColumn),
    t('pub.col.certificate'),
  ];
  return (
    <>
      <Table caption={t('pub.results.caption', { category: f.category(category), n: rows.length })} columns={columns}>
        {shown.map((r) => (
          <Row
            key={r.innovationId}
            row={r}
            tied={perRank.get(r.rank)! > 1}
            tier={r.band === null ? undefined : tiers.get(r.band)}
            stages={stages}
            snapshotId={snapshotId}
          />
        ))}
      </Table>
      {more}
    </>
  );
}

function Row({
  row: r,
  tied,
  tier,
  stages,
  snapshotId,
}: {
  row: RankedRow;
  tied: boolean;
  tier?: number;
  stages: Stages;
  snapshotId: string;
}) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <tr>
      <td className="rank">
        {r.rank}
        {tied && <span className="tie"> ({t('pub.tie')})</span>}
      </td>
      <InnovationCell id={r.innovationId} title={r.title} detail={`${r.organization} · ${r.region}`} />
      <td className="num final">
        {f.number(r.final)} <BandBadge band={r.band} tier={tier} />
      </td>
      {stages.map((s) => (
        <td key={s.key} className="num">
          {s.key in r.stages ? f.number(r.stages[s.key]) : t('common.none')}
        </td>
      ))}
      <td>
        <a href={downloads.certificate(snapshotId, r.innovationId)} download aria-label={t('pub.certificateOf', { title: r.title })}>
          PDF
        </a>
      </td>
    </tr>
  );
}

function InnovationCell({ id, title, detail }: { id: string; title: string; detail: string }) {
  return (
    <th scope="row" className="innovation">
      <Link to={`/inovasi/${id}`}>{title}</Link>
      <span className="muted">{detail}</span>
    </th>
  );
}

/** Rows fetched per "show more" of the unranked innovations (the API carries fewer inline: the first page skips those). */
const UNRANKED_PAGE = 100;

interface UnrankedProps {
  category: string;
  /** The rows the ranking carried inline (the first of the category's unranked). */
  rows: readonly UnrankedRow[];
  /** How many the category has in all. */
  total: number;
  stages: Stages;
  slug: string;
  version: number;
}

/**
 * A category's innovations without a rank (a weighted stage score is missing), with the last stage they were
 * scored in. A national edition has tens of thousands: the rest are fetched a page at a time.
 */
export function UnrankedTable({ category, rows, total, stages, slug, version }: UnrankedProps) {
  const { t, pick } = useI18n();
  const f = useFormat();
  const [extra, setExtra] = useState<UnrankedRow[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const shown = [...rows, ...extra];
  const stageName = (key: string | null) => {
    const stage = stages.find((s) => s.key === key);
    return stage ? pick(stage.label) : (key ?? t('pub.reached.none'));
  };
  const loadMore = async () => {
    setLoading(true);
    setFailed(false);
    try {
      const next = Math.floor(shown.length / UNRANKED_PAGE) + 1;
      const page = await unrankedPage(slug, { category, version, page: next, pageSize: UNRANKED_PAGE });
      // The page starts where the rows shown so far may not end (the inline rows are fewer than a page).
      setExtra((before) => [...before, ...page.items.slice(shown.length - (next - 1) * UNRANKED_PAGE)]);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <p className="hint">{t('pub.unranked.intro')}</p>
      <Table
        caption={t('pub.unranked.caption', { category: f.category(category), n: total })}
        columns={[t('pub.col.innovation'), t('pub.col.reached')]}
      >
        {shown.map((u) => (
          <tr key={u.innovationId}>
            <InnovationCell id={u.innovationId} title={u.title} detail={u.organization} />
            <td>{stageName(u.reachedStage)}</td>
          </tr>
        ))}
      </Table>
      {shown.length < total && (
        <p>
          <button type="button" className="secondary" onClick={loadMore} disabled={loading}>
            {t('pub.unranked.more', { shown: shown.length, n: total })}
          </button>
          {failed && <span role="alert"> {t('pub.unranked.failed')}</span>}
        </p>
      )}
    </>
  );
}
