/** An article passed from the bulk import to the review screen ("review first"), taken once by /articles/new. */
export interface ArticleHandoff {
  text: string;
  title: string;
  date: string;
  publisher: string;
  url: string | null;
}

let pending: ArticleHandoff | null = null;

export function handOff(article: ArticleHandoff): void {
  pending = article;
}

export function takeHandoff(): ArticleHandoff | null {
  const article = pending;
  pending = null;
  return article;
}
