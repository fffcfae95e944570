import { useEffect, useState } from 'react';
import { usePageTitle } from '../../components/usePageTitle';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/I18nContext';
import { Link } from '../../router/router';
import { GUIDE_ROLES, isGuideRole, renderGuide, type GuideRole } from './guide';
import './help.css';

// The Markdown of each guide, one chunk per file (loaded when opened); the screenshots and the printed guides
// (`npm run guides:pdf`, committed in docs/guides/pdf) as built asset URLs.
const SOURCES = import.meta.glob<string>('../../../../../docs/guides/*/*.md', { query: '?raw', import: 'default' });
const IMAGES = import.meta.glob<string>('../../../../../docs/guides/img/*.png', { query: '?url', import: 'default', eager: true });
const imageUrl = (name: string) => IMAGES[`../../../../../docs/guides/img/${name}`];
const PDFS = import.meta.glob<string>('../../../../../docs/guides/pdf/*/*.pdf', { query: '?url', import: 'default', eager: true });
/** The built URL of a guide's PDF in a language (undefined when it was not printed). */
export const pdfUrl = (lang: string, role: GuideRole): string | undefined => PDFS[`../../../../../docs/guides/pdf/${lang}/${role}.pdf`];

/** The link to a guide's PDF in the current language. */
function PdfLink({ role, label }: { role: GuideRole; label: string }) {
  const { lang } = useI18n();
  const href = pdfUrl(lang, role);
  if (!href) return null;
  return (
    <a className="guide-pdf" href={href} type="application/pdf" download={`panduan-${role}-${lang}.pdf`}>
      {label}
    </a>
  );
}

/** `/bantuan`: the guides, one per role. */
export function HelpIndexPage() {
  const { t } = useI18n();
  usePageTitle(t('help.title'));
  return (
    <article className="stack">
      <h1>{t('help.title')}</h1>
      <p className="lead">{t('help.intro')}</p>
      <ul className="guide-list">
        {GUIDE_ROLES.map((role) => (
          <li key={role}>
            <Link to={`/bantuan/${role}`}>{t(`help.role.${role}` as MessageKey)}</Link> <span aria-hidden="true">·</span>{' '}
            <PdfLink role={role} label={t('help.pdfOf', { role: t(`help.role.${role}` as MessageKey) })} />
          </li>
        ))}
      </ul>
    </article>
  );
}

/** `/bantuan/<role>`: that role's guide in the current language, scrolled to `#task` when the link names one. */
export function GuidePage({ role }: { role: string }) {
  const { t, lang } = useI18n();
  const known = isGuideRole(role);
  usePageTitle(known ? t(`help.role.${role}` as MessageKey) : t('help.missing'));
  const [html, setHtml] = useState<{ key: string; html: string } | null>(null);
  const key = `${lang}/${role}`;
  useEffect(() => {
    if (!known) return;
    let live = true;
    void SOURCES[`../../../../../docs/guides/${lang}/${role as GuideRole}.md`]?.().then(
      (md) => live && setHtml({ key, html: renderGuide(md, imageUrl) }),
    );
    return () => {
      live = false;
    };
  }, [key, known, lang, role]);
  const ready = html?.key === key;
  useEffect(() => {
    if (ready && location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [ready]);
  if (!known) return <p>{t('help.missing')}</p>;
  return (
    <article className="stack guide">
      <p className="no-print">
        <Link to="/bantuan">{t('help.back')}</Link>{' '}
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('help.print')}
        </button>{' '}
        <PdfLink role={role as GuideRole} label={t('help.pdf')} />
      </p>
      {ready ? <div className="guide-body" dangerouslySetInnerHTML={{ __html: html.html }} /> : <p role="status">{t('help.loading')}</p>}
    </article>
  );
}
