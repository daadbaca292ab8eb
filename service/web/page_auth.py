"""Who is looking at a page: signed in with the browser cookie, or sent to sign in."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from service.accounts import Principal
from service.api.auth import signed_in
from service.api.deps import ArchiveDep
from service.db.models import Role


class SignInRequired(Exception):
    """Answered with a redirect to the sign-in page, which comes back to `next`."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


class PageForbidden(Exception):
    def __init__(self, role: str) -> None:
        super().__init__(role)
        self.role = role


def _page_user(request: Request, archive: ArchiveDep, role: str) -> Principal:
    user = signed_in(request, archive)
    if user is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise SignInRequired(target)
    if not user.may(role):
        raise PageForbidden(role)
    return user


def page_viewer(request: Request, archive: ArchiveDep) -> Principal:
    return _page_user(request, archive, Role.viewer)


def page_archivist(request: Request, archive: ArchiveDep) -> Principal:
    return _page_user(request, archive, Role.archivist)


def page_admin(request: Request, archive: ArchiveDep) -> Principal:
    return _page_user(request, archive, Role.admin)


PageViewer = Annotated[Principal, Depends(page_viewer)]
PageArchivist = Annotated[Principal, Depends(page_archivist)]
PageAdmin = Annotated[Principal, Depends(page_admin)]
