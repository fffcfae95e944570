import { useEffect } from 'react';
import { fetchDocument } from '../api/download';
import { Loading } from '../components/Loading';
import { useLoad } from '../components/useLoad';
import { usePageTitle } from '../components/usePageTitle';
import { useI18n } from '../i18n/I18nContext';
import { useQuery } from '../router/router';

/**
 * A document opened in a tab of its own: the API wants the session's bearer token, which a plain link cannot
 * send, so this page fetches the file with it and then shows it (the browser's PDF or image viewer).
 */
export function DocumentPage({ id }: { id: string }) {
  const { t } = useI18n();
  const name = useQuery().get('name') || t('docs.title');
  usePageTitle(name);
  const file = useLoad(async () => URL.createObjectURL(await fetchDocument(id)), [id]);
  useEffect(() => {
    if (file.data) location.replace(file.data);
  }, [file.data]);
  return (
    <article className="stack">
      <h1>{name}</h1>
      <Loading state={file}>
        {(url) => (
          <p>
            <a href={url} download={name}>
              {t('docs.download', { name })}
            </a>
          </p>
        )}
      </Loading>
    </article>
  );
}
