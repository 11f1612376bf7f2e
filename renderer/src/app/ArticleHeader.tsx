import type { Article } from '../../../shared/model';
import { formatDate } from './formatDate';

/** The article's title and provenance, above its text. */
export function ArticleHeader({
  article,
  onCorrect,
  onNewVersion,
}: {
  article: Article;
  onCorrect?: () => void;
  /** Imports a file as the next version of this article. */
  onNewVersion?: () => void;
}) {
  const first = article.blocks[0];
  const repeatsTitle = first?.type === 'heading' && first.text.trim() === article.title.trim();
  const details = [article.byline, article.siteName, formatDate(article.publishedAt)].filter(Boolean);
  return (
    <header className="article-header" dir={article.dir} lang={article.lang ?? undefined}>
      {repeatsTitle ? null : <h1 className="article-title">{article.title}</h1>}
      {details.length > 0 ? <p className="article-details">{details.join(' · ')}</p> : null}
      <p className="article-source">
        {article.source}
        {article.version && article.version > 1 ? ` · version ${article.version}` : ''}
      </p>
      {onCorrect || onNewVersion ? (
        <p className="article-actions">
          {onCorrect ? (
            <button type="button" className="quiet small" onClick={onCorrect}>
              Correct text…
            </button>
          ) : null}
          {onNewVersion ? (
            <button type="button" className="quiet small" onClick={onNewVersion}>
              Import a new version…
            </button>
          ) : null}
        </p>
      ) : null}
    </header>
  );
}
