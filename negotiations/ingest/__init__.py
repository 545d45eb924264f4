"""Fetching and parsing for the ingestion pipeline: pure Python, no Django, no database writes.

Everything the pipeline needs from the outside world comes through here. The Django side
(`negotiations.services`) stores what these functions return.

Fetching (`negotiations.ingest.fetch`): the single chokepoint for every outbound request
    fetch(url, *, policy: FetchPolicy, etag=None, last_modified=None) -> FetchResult
        GET with the SSRF guard (every resolved address checked, connection pinned to it, redirects
        re-checked, no https→http), timeouts and a total deadline, a cap on decoded bytes,
        conditional GET, robots.txt and per-domain politeness as the policy says.
        Raises FetchError(reason, permanent, retry_after, status, url).
    FetchPolicy(user_agent, accept, allow_private_networks=False, private_network_allowlist=(),
                allowed_ports=None, max_redirects=5, connect_timeout=10, read_timeout=20, timeout=60,
                max_bytes=5 MiB, truncate_oversize=False, require_html=False, check_robots=False,
                robots_cache=MemoryCache(), robots_ttl=86400, rate_limiter=None, max_politeness_wait=10)
        FetchPolicy.for_feeds(**changes), FetchPolicy.for_pages(**changes) (HTML only + robots.txt).
    FetchResult: url, final_url, status, headers (lower-case names), content (bytes), content_type,
        encoding (HTTP charset or None), etag, last_modified, not_modified, truncated, redirects, elapsed.
    FetchError.reason: bad_scheme, bad_url, blocked_address, insecure_redirect, too_many_redirects,
        too_large, not_html, robots_disallowed, bad_content_encoding (permanent); timeout, connection,
        tls, robots_unavailable, rate_limited (transient); http_status (permanent except 408, 425,
        429, 5xx; retry_after from Retry-After).
    Pluggable (`negotiations.ingest.politeness`): Cache protocol get(key) / set(key, value, ttl) (Django's
        cache fits), MemoryCache; RateLimiter protocol acquire(domain) -> seconds to wait (0.0 = go,
        turn taken), MemoryRateLimiter(min_interval=5.0); registrable_domain(host) is the limiter key.

Feeds (`negotiations.ingest.feeds`)
    parse_feed(body: bytes, *, url: str, content_type: str = "") -> ParsedFeed
        ParsedFeed(url, version, title, link, entries: tuple[FeedEntry, ...], warnings)
        FeedEntry(guid, link | None, title, published: aware datetime | None, summary, content, author),
        all plain text. At most MAX_ENTRIES (2,000) entries; links over 2,048 characters or not
        http(s) become None. Raises FeedError when nothing can be read; a malformed feed that still
        yields entries keeps them and says so in `warnings`.

Sitemaps (`negotiations.ingest.sitemaps`)
    parse_sitemap(body: bytes, *, url: str) -> ParsedSitemap
        ParsedSitemap(url, kind: "urlset" | "sitemapindex", entries, warnings), .is_index
        SitemapEntry(url, lastmod, published (news:publication_date), title (news:title), language),
        datetimes aware. Gzipped bodies are accepted. Raises SitemapError (also for any DTD/entity).

Pages (`negotiations.ingest.pages`)
    extract_article(html: bytes | str, *, url: str, encoding_hint: str | None = None) -> ArticleContent
        trafilatura (precision first), else a plain visible-text fallback; never fetches, never raises
        on bad HTML; `text` is "" when nothing readable was found.
    text_from_plain(data: bytes | str, *, url=None, encoding_hint=None) -> ArticleContent
        first line is the title.
    ArticleContent(title, text, published: date | None, author, canonical_url, language, description,
        extractor), all plain text.
    detect_language(text) -> ISO 639-1 code | None
    decode_html(data, *, encoding_hint=None) -> str (`negotiations.ingest.text`): the same decoding
        as extract_article (BOM, HTTP charset, <meta charset>, UTF-8, detection), to store raw HTML.

Duplicates (`negotiations.ingest.dedup`)
    canonicalize_url(url) -> str ("" if not an http(s) URL); content_hash(text) -> hex sha256 of
    normalize_text(text); minhash_signature(text) -> bytes (512); similarity(a, b) -> float;
    most_similar(signature, candidates) -> (index, similarity) of the best of many, compared at once;
    is_near_duplicate(a, b); NEAR_DUPLICATE_THRESHOLD (0.8); MINHASH_SCHEME (store it with signatures).

Files (`negotiations.ingest.files`)
    read_articles(path: str | Path) -> Iterator[FileRecord]: a .html/.htm/.txt/.jsonl file or a
    directory of them. FileRecord(external_id, path, line, url, article: ArticleContent | None, error).
"""

from negotiations.ingest.dedup import (
    MINHASH_SCHEME,
    NEAR_DUPLICATE_THRESHOLD,
    canonicalize_url,
    content_hash,
    is_near_duplicate,
    minhash_signature,
    most_similar,
    similarity,
)
from negotiations.ingest.errors import FeedError, FetchError, IngestError, SitemapError
from negotiations.ingest.feeds import FeedEntry, ParsedFeed, parse_feed
from negotiations.ingest.fetch import FetchPolicy, FetchResult, fetch
from negotiations.ingest.files import FileRecord, read_articles
from negotiations.ingest.pages import ArticleContent, detect_language, extract_article, text_from_plain
from negotiations.ingest.politeness import (
    Cache,
    MemoryCache,
    MemoryRateLimiter,
    RateLimiter,
    registrable_domain,
)
from negotiations.ingest.sitemaps import ParsedSitemap, SitemapEntry, parse_sitemap
from negotiations.ingest.text import decode_html

__all__ = [
    "MINHASH_SCHEME",
    "NEAR_DUPLICATE_THRESHOLD",
    "ArticleContent",
    "Cache",
    "FeedEntry",
    "FeedError",
    "FetchError",
    "FetchPolicy",
    "FetchResult",
    "FileRecord",
    "IngestError",
    "MemoryCache",
    "MemoryRateLimiter",
    "ParsedFeed",
    "ParsedSitemap",
    "RateLimiter",
    "SitemapEntry",
    "SitemapError",
    "canonicalize_url",
    "content_hash",
    "decode_html",
    "detect_language",
    "extract_article",
    "fetch",
    "is_near_duplicate",
    "minhash_signature",
    "most_similar",
    "parse_feed",
    "parse_sitemap",
    "read_articles",
    "registrable_domain",
    "similarity",
    "text_from_plain",
]
