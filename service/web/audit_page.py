"""`/audit`, the admin's Nhật ký & bảo quản page: the audit log (filtered, paged), whether
its hash chain holds, and the fixity log; read through the same functions as the API.

Dates in the filter are Vietnam's days (UTC+7), as are the times shown.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta, timezone
from urllib.parse import urlencode

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from service.api.deps import ArchiveDep
from service.db.models import AuditEntry, as_utc
from service.preservation import audit, fixity
from service.web.audit_words import ACTION_WORDS, TRIGGER_WORDS, action_words
from service.web.page_auth import PageAdmin

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
VIETNAM = timezone(timedelta(hours=7))
FILTERS = ("action", "actor", "since", "until")


def local_time(moment: datetime) -> str:
    return as_utc(moment).astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M:%S")


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _bounds(since: str, until: str) -> tuple[datetime | None, datetime | None, list[str]]:
    """The filter's days as UTC moments: from the start of `since` to the end of `until`."""
    problems: list[str] = []
    moments: list[datetime | None] = []
    for text, extra in ((since, 0), (until, 1)):
        day = _day(text) if text else None
        if text and day is None:
            problems.append(f"Ngày không hợp lệ: {text}")
        moments.append(
            datetime.combine(day + timedelta(days=extra), time(), VIETNAM).astimezone(UTC)
            if day
            else None
        )
    return moments[0], moments[1], problems


def _detail_text(entry: AuditEntry) -> str:
    if entry.detail is None:
        return ""
    return json.dumps(entry.detail, ensure_ascii=False, separators=(", ", ": "))


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, archive: ArchiveDep, user: PageAdmin) -> Response:
    from service.web.pages import render

    values = {k: (request.query_params.get(k) or "").strip() for k in FILTERS}
    since, until, problems = _bounds(values["since"], values["until"])
    page_text = request.query_params.get("page", "1")
    page_number = max(1, int(page_text)) if page_text.isdigit() else 1
    query = audit.entries(
        actor=values["actor"] or None, action=values["action"] or None, since=since, until=until
    )
    with archive.db.read() as session:
        total = audit.count(session, query)
        found = session.scalars(query.limit(PAGE_SIZE).offset((page_number - 1) * PAGE_SIZE))
        rows = [
            {
                "entry": entry,
                "at": local_time(entry.at),
                "words": action_words(entry.action),
                "detail": _detail_text(entry),
            }
            for entry in found
        ]
        checked, broken = audit.verify(session)
        known = audit.actions(session)
        runs = [
            {"run": run, "at": local_time(run.started_at), "ok": fixity.run_ok(run),
             "trigger": TRIGGER_WORDS.get(run.trigger, run.trigger)}
            for run in fixity.recent_runs(session, 20)
        ]  # fmt: skip
    kept = {k: v for k, v in values.items() if v}
    api_filters: dict[str, str] = {k: kept[k] for k in ("action", "actor") if k in kept}
    api_filters |= {k: m.isoformat() for k, m in (("since", since), ("until", until)) if m}
    return render(
        request, "audit.html", user, nav="audit", rows=rows, total=total, values=values,
        problems=problems, page_number=page_number, pages=max(1, -(-total // PAGE_SIZE)),
        choices=[(a, action_words(a)) for a in sorted({*ACTION_WORDS, *known})],
        checked=checked, broken=broken, runs=runs,
        csv_url="/api/v1/audit?" + urlencode({**api_filters, "format": "csv"}),
        page_link=lambda n: "?" + urlencode({**kept, "page": n}),
    )  # fmt: skip
