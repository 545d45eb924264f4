"""Who may see and do what. Checked in every view, never only in a template."""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django_htmx.http import HttpResponseClientRedirect

ANALYST, EDITOR, ADMIN = "analyst", "editor", "admin"

READ_PERMISSION = "negotiations.view_statement"
REVIEW_PERMISSION = "negotiations.change_statement"
MANAGE_SOURCES_PERMISSION = "negotiations.change_source"


def can_read(user) -> bool:
    return settings.PUBLIC_READ or user.has_perm(READ_PERMISSION)


def _login_redirect(request: HttpRequest) -> HttpResponse:
    response = redirect_to_login(request.get_full_path())
    if getattr(request, "htmx", False):
        # A plain redirect would be followed by htmx and the login page swapped into a fragment.
        return HttpResponseClientRedirect(response["Location"])
    return response


def permission_required(permission: str | None) -> Callable:
    """Require `permission` (None: the read permission, waived by PUBLIC_READ)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            user = request.user
            allowed = can_read(user) if permission is None else user.has_perm(permission)
            if allowed:
                return view(request, *args, **kwargs)
            if not user.is_authenticated:
                return _login_redirect(request)
            raise PermissionDenied

        return wrapped

    return decorator


reader_required = permission_required(None)
editor_required = permission_required(REVIEW_PERMISSION)
admin_required = permission_required(MANAGE_SOURCES_PERMISSION)
