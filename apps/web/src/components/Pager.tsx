import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/router';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  /** The address of another page (the page number lives in the query string, so back and forward work). */
  href(page: number): string;
}

/** Previous / next links and "page 2 of 5" under a paged list; nothing when it fits on one page. */
export function Pager({ page, pageSize, total, href }: Props) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('pub.pager.label')}>
      {page > 1 && (
        <Link to={href(page - 1)} rel="prev">
          ← {t('pub.pager.prev')}
        </Link>
      )}
      <span>{t('pub.pager.status', { page, pages })}</span>
      {page < pages && (
        <Link to={href(page + 1)} rel="next">
          {t('pub.pager.next')} →
        </Link>
      )}
    </nav>
  );
}
