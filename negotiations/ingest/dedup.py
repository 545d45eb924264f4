"""Recognising the same article: canonical URLs, exact text hashes and MinHash near-duplicates.

Stored MinHash signatures are only comparable with signatures made the same way: keep
`MINHASH_SCHEME` next to them and recompute when it changes.
"""

import contextlib
import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
from datasketch import MinHash

MINHASH_PERMUTATIONS = 128
MINHASH_SEED = 1
SHINGLE_WORDS = 5
# datasketch 2.0 changed its default permutation scheme: name ours so that it cannot change silently.
MINHASH_SCHEME = f"datasketch-affine32-seed{MINHASH_SEED}-perm{MINHASH_PERMUTATIONS}-words{SHINGLE_WORDS}"
# Estimated Jaccard similarity of word 5-shingles above which two texts are one story. The same
# wire story on two sites, each adding its own byline and footer, scores about 0.85-0.95; different
# stories on the same subject score below 0.1 (tests/ingest/test_dedup.py measures both).
NEAR_DUPLICATE_THRESHOLD = 0.8

# Query parameters that only say where a click came from. Kept explicit rather than courlan's broad
# pattern, which also drops real parameters such as "source", "ref" or "reference".
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ocid", "cmpid", "smid", "s_cid",
        "at_medium", "at_campaign", "ito", "sr_share", "xtor", "guccounter", "guce_referrer",
        "guce_referrer_sig", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "hsa_", "oly_", "vero_")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_WORD = re.compile(r"\w+")
_EMPTY_SIGNATURE = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=MINHASH_SEED, scheme="affine32").hashvalues


def canonicalize_url(url: str) -> str:
    """The form of an article URL used to recognise it: scheme and host in lower case, default port,
    fragment, user info and tracking parameters (utm_*, fbclid, gclid, ...) dropped, other query
    parameters sorted. Returns "" for anything that is not an absolute http(s) URL."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return ""
    with contextlib.suppress(UnicodeError):  # an invalid international name stays as written
        host = host.encode("idna").decode("ascii")
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking_parameter(name)
    )
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def normalize_text(text: str) -> str:
    """Text reduced for comparison: NFKC, lower case, whitespace collapsed to single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the normalised text: equal for texts that differ only in case or spacing."""
    return hashlib.sha256(normalize_text(text).encode()).hexdigest()


def minhash_signature(text: str) -> bytes:
    """MinHash of the text's word 5-shingles, as 512 bytes (128 little-endian uint32 values)."""
    minhash = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=MINHASH_SEED, scheme="affine32")
    minhash.update_batch([shingle.encode() for shingle in _shingles(text)])
    return np.asarray(minhash.hashvalues, dtype="<u4").tobytes()


def similarity(signature_a: bytes, signature_b: bytes) -> float:
    """Estimated Jaccard similarity (0..1) of the texts behind two signatures; 0.0 if either text
    had no words."""
    a = np.frombuffer(signature_a, dtype="<u4")
    b = np.frombuffer(signature_b, dtype="<u4")
    if a.shape != b.shape:
        raise ValueError("signatures of different sizes: made with different MinHash settings")
    if np.array_equal(a, _EMPTY_SIGNATURE) or np.array_equal(b, _EMPTY_SIGNATURE):
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)


def most_similar(signature: bytes, candidates: list[bytes]) -> tuple[int, float]:
    """(index, similarity) of the candidate most similar to `signature`, compared all at once;
    (-1, 0.0) when there is no candidate or the text had no words. Candidates of another size
    (made with other MinHash settings) never match."""
    own = np.frombuffer(signature, dtype="<u4")
    if not candidates or np.array_equal(own, _EMPTY_SIGNATURE):
        return -1, 0.0
    size = len(signature)
    usable = [index for index, candidate in enumerate(candidates) if len(candidate) == size]
    if not usable:
        return -1, 0.0
    matrix = np.frombuffer(b"".join(candidates[index] for index in usable), dtype="<u4").reshape(
        len(usable), -1
    )
    scores = np.count_nonzero(matrix == own, axis=1) / own.size
    scores[np.all(matrix == _EMPTY_SIGNATURE, axis=1)] = 0.0
    best = int(np.argmax(scores))
    return usable[best], float(scores[best])


def is_near_duplicate(signature_a: bytes, signature_b: bytes) -> bool:
    return similarity(signature_a, signature_b) >= NEAR_DUPLICATE_THRESHOLD


def _shingles(text: str) -> set[str]:
    words = _WORD.findall(normalize_text(text))
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _is_tracking_parameter(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)
