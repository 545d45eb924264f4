from django.conf import settings
from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict:
    return {"public_read": settings.PUBLIC_READ}
