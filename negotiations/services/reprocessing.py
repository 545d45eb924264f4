import datetime as dt
from collections.abc import Iterable

from django.db.models import QuerySet

from negotiations.enums import DocumentState
from negotiations.extraction import EXTRACTOR_VERSION
from negotiations.models import Document
from negotiations.services import pipeline


def documents_to_reprocess(
    *, since: dt.date | None = None, source_id: int | None = None, outdated: bool = False
) -> Iterable[int]:
    """Ids of the stored documents to extract again; `outdated`: only those the current extractor
    has not read yet (extracted by an earlier version, or never extracted)."""
    documents: QuerySet[Document] = Document.objects.exclude(state=DocumentState.EXTRACTING)
    if outdated:
        documents = documents.exclude(extractor_version=EXTRACTOR_VERSION)
    if since:
        documents = documents.filter(published_at__date__gte=since)
    if source_id:
        documents = documents.filter(source_id=source_id)
    return documents.order_by("pk").values_list("pk", flat=True).iterator()


def reprocess_document(*, document_id: int) -> int:
    """Extract again with the current extractor; editors' statements are left exactly as they are."""
    return pipeline.extract_document(document_id=document_id, force=True)
