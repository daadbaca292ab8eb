"""The page's routes: sign-in, search, upload, documents, review, people, batches, users
(the audit page is `audit_page`).

Pages read the archive directly and render HTML; every change a page makes goes through
the JSON API with the sign-in cookie and its CSRF token, so one set of checks and one
audit log serve the page and the scripts alike.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool

from schemas import PdfSignature, SignatureState
from schemas.award_codes import AwardCode
from service import corrections, query_limits, review_queue
from service.accounts import Principal
from service.api.accounts import sign_in, sign_out
from service.api.auth import signed_in
from service.api.deps import ArchiveDep, DbId
from service.api.errors import ApiError
from service.award_labels import label
from service.award_search import AwardPage, AwardQuery, search_awards
from service.batches import progress
from service.db.models import (
    Award,
    AwardStatus,
    Decision,
    Document,
    ProcessingEvent,
    Role,
    User,
)
from service.kept_documents import kept, kept_document
from service.people import get_person, person_id
from service.retention import retention_of
from service.signature_sentences import STATE_LABELS, signature_sentence
from service.state_records.eligibility import eligibility
from service.state_records.report_files import cell_text, notes
from service.state_records.report_forms import FORMS
from service.state_records.reports import (
    HeaderCell,
    UnknownForm,
    build_report,
    header_cells,
    number_cells,
)
from service.web.page_auth import (
    PageAdmin,
    PageArchivist,
    PageForbidden,
    PageViewer,
    SignInRequired,
)

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
_PERIOD = re.compile(r"^\d{4}(-\d{4})?$")

DOCUMENT_TYPES = {
    "decision": "Quyết định",
    "certificate": "Bằng khen / Giấy khen",
    "award_list": "Danh sách khen thưởng",
    "other": "Khác",
}
STATUSES = {
    "pending": "Chờ nhận vào kho",
    "rejected": "Bị từ chối",
    "duplicate": "Đã có trong kho",
    "queued": "Đang chờ đọc",
    "processing": "Đang đọc",
    "done": "Đã đọc xong",
    "failed": "Không đọc được",
}
# The search form's one `signature` choice: signed or not, or one state of a signature.
SIGNATURE_CHOICES = {
    "signed": "Có chữ ký số",
    "unsigned": "Không có chữ ký số",
    **{state.value: label for state, label in STATE_LABELS.items()},
}
REVIEW_STATES = {
    "unreviewed": "Chưa duyệt",
    "needs_review": "Cần kiểm tra",
    "reviewed": "Đã duyệt",
}
FIELD_LABELS = {
    "name": "Họ và tên",
    "honorific": "Danh xưng",
    "position": "Chức vụ",
    "unit": "Đơn vị",
    "award_code": "Hình thức / danh hiệu",
    "award_text": "Ghi trên văn bản",
    "award_class": "Hạng",
    "period": "Năm học / năm",
    "reason": "Thành tích",
    "amount_vnd": "Tiền thưởng (đồng)",
    "/number": "Số quyết định",
    "/date": "Ngày ký",
    "/issuer": "Cơ quan ban hành",
    "/signer/name": "Người ký",
}
# Pointer suffixes of `field_confidence` under `/awards/N/`, by award row column.
POINTER_FIELDS = {
    "recipient/name": "name",
    "recipient/unit": "unit",
    "recipient/position": "position",
    "period": "period",
    "award_text": "award_text",
    "amount_vnd": "amount_vnd",
}


def render(
    request: Request, template: str, user: Principal | None, status: int = 200, **context: Any
) -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        template,
        {
            "user": user,
            "csrf": user.csrf_token if user else "",
            "may_edit": bool(user and user.may(Role.archivist)),
            "is_admin": bool(user and user.may(Role.admin)),
            "label": label,
            "document_types": DOCUMENT_TYPES,
            "statuses": STATUSES,
            "review_states": REVIEW_STATES,
            "signature_choices": SIGNATURE_CHOICES,
            "field_labels": FIELD_LABELS,
            "max_query_chars": query_limits.MAX_QUERY_CHARS,
            **context,
        },
        status_code=status,
    )


def install_pages(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)
    from service.web.audit_page import router as audit_router

    app.include_router(audit_router)

    @app.exception_handler(SignInRequired)
    async def _sign_in(_request: Request, error: SignInRequired) -> Response:
        return RedirectResponse(f"/login?{urlencode({'next': error.next_url})}", status_code=303)

    @app.exception_handler(PageForbidden)
    async def _forbidden(request: Request, error: PageForbidden) -> Response:
        return render(request, "forbidden.html", None, status=403, role=error.role)


def _safe_next(target: str | None) -> str:
    """Only a path of this site: never `//elsewhere` or `https://elsewhere`."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, archive: ArchiveDep, next: str = "/") -> Response:
    if signed_in(request, archive) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return render(request, "login.html", None, next=_safe_next(next), error=None)


@router.post("/login", response_class=HTMLResponse)
async def login_submit(request: Request, archive: ArchiveDep) -> Response:
    form = await request.form()
    next_url = _safe_next(str(form.get("next") or "/"))
    origin = request.headers.get("origin")
    if origin and origin.rstrip("/") != str(request.base_url).rstrip("/"):
        return render(
            request, "login.html", None, 403, next=next_url, error="Yêu cầu không hợp lệ."
        )
    redirect = RedirectResponse(next_url, status_code=303)
    try:
        await run_in_threadpool(
            sign_in,
            archive,
            redirect,
            request,
            str(form.get("name") or ""),
            str(form.get("password") or ""),
        )
    except ApiError as error:
        message = (
            "Nhập sai quá nhiều lần. Hãy thử lại sau ít phút."
            if error.code == "too_many_attempts"
            else "Sai tên đăng nhập hoặc mật khẩu."
        )
        return render(
            request, "login.html", None, error.status, next=next_url,
            error=message, name=str(form.get("name") or ""),
        )  # fmt: skip
    return redirect


@router.post("/logout")
async def logout(request: Request, archive: ArchiveDep, user: PageViewer) -> Response:
    form = await request.form()
    redirect = RedirectResponse("/login", status_code=303)
    if form.get("csrf_token") == user.csrf_token:
        await run_in_threadpool(sign_out, archive, request, redirect)
    return redirect


def _state_filters(request: Request) -> dict[str, Any]:
    """The statistics forms' filters a report cell links with (several award codes,
    kind, rank, method, status, the decision's year)."""
    values = request.query_params
    year = values.get("decided_year", "")
    return {
        "award_codes": tuple(c for c in values.getlist("award_code") if c in AwardCode.__members__),
        "kind": values.get("kind") if values.get("kind") in ("individual", "collective") else None,
        "ranks": tuple(values.getlist("rank")),
        "commendation_methods": tuple(values.getlist("commendation_method")),
        "status": values.get("status") if values.get("status") in AwardStatus.ALL else None,
        "decided_year": int(year) if year.isdigit() and 1945 <= int(year) <= 2100 else None,
    }


def _query(params: dict[str, str]) -> tuple[AwardQuery, list[str]]:
    """The search form's values as a query; values that cannot be used are reported."""
    problems: list[str] = []
    clean = {k: v.strip() for k, v in params.items() if v and v.strip()}
    years: dict[str, int | None] = {}
    for key in ("year_from", "year_to"):
        value = clean.get(key)
        years[key] = (
            int(value) if value and value.isdigit() and 1945 <= int(value) <= 2100 else None
        )
        if value and years[key] is None:
            problems.append(f"Năm không hợp lệ: {value}")
    period = clean.get("period")
    if period and not _PERIOD.match(period):
        problems.append(f"Năm học phải có dạng 2019-2020: {period}")
        period = None
    code = clean.get("award_code")
    codes: tuple[str, ...] = (code,) if code and code in AwardCode.__members__ else ()
    return (
        AwardQuery(
            q=clean.get("q"),
            name=clean.get("name"),
            unit=clean.get("unit"),
            issuer=clean.get("issuer"),
            number=clean.get("number"),
            award_codes=codes,
            period=period,
            year_from=years["year_from"],
            year_to=years["year_to"],
            review_state=clean.get("review_state")
            if clean.get("review_state") in REVIEW_STATES
            else None,
            **_signature_filter(clean.get("signature")),
        ),
        problems,
    )


def _too_long(params: dict[str, str]) -> list[str]:
    """What the API would refuse as `query_too_long`, said on the page; nothing is searched."""
    problems = []
    for field in query_limits.SEARCH_TEXT_FIELDS:
        try:
            query_limits.check_text(field, params.get(field, "").strip() or None)
        except query_limits.QueryTooLong as error:
            problems.append(query_limits.vietnamese(error))
    return problems


def _signature_filter(choice: str | None) -> dict[str, Any]:
    if choice in ("signed", "unsigned"):
        return {"signed": choice == "signed"}
    if choice in SignatureState.__members__:
        return {"signature_state": choice}
    return {}


def _api_params(kept: dict[str, str]) -> list[tuple[str, str]]:
    """The form's values as the export API names them (`signature` is `signed` or
    `signature_state` there)."""
    named = [(k, v) for k, v in kept.items() if k != "signature"]
    for key, value in _signature_filter(kept.get("signature")).items():
        named.append((key, str(value).lower() if isinstance(value, bool) else value))
    return named


STATE_FIELDS = ("kind", "rank", "commendation_method", "status", "decided_year")
SEARCH_FIELDS = (
    "q",
    "name",
    "unit",
    "issuer",
    "number",
    "award_code",
    "period",
    "year_from",
    "year_to",
    "review_state",
    "signature",
)


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, archive: ArchiveDep, user: PageViewer) -> Response:
    params = {k: request.query_params.get(k, "") for k in SEARCH_FIELDS}
    asked = any(v.strip() for v in params.values())
    query, problems = _query(params)
    state = _state_filters(request)
    if len(state["award_codes"]) < 2:
        state.pop("award_codes")
    query = replace(query, **state)
    asked = asked or any(state.values())
    try:
        page_number = max(1, int(request.query_params.get("page", "1")))
    except ValueError:
        page_number = 1
    query = replace(query, limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE)
    too_long = _too_long(params)
    problems = [*too_long, *problems]
    found = AwardPage(total=0)
    rows: list[tuple[Award, str, str | None]] = []
    if not too_long:
        with archive.db.read() as session:
            found = search_awards(session, query, facets=8)
            rows = [
                (award, person_id(award.name_fold, award.unit_key), found.matches.get(award.id))
                for award in found.awards
            ]
    kept = {k: v for k, v in params.items() if v.strip()}
    extra = [
        (k, v)
        for k, v in request.query_params.multi_items()
        if k in STATE_FIELDS or (k == "award_code" and len(state.get("award_codes", ())) > 1)
    ]
    return render(
        request,
        "search.html",
        user,
        422 if too_long else 200,
        params=params,
        asked=asked,
        problems=problems,
        page=found,
        rows=rows,
        page_number=page_number,
        pages=max(1, -(-found.total // PAGE_SIZE)),
        query_string=urlencode([*_api_params(kept), *extra]),
        kept=kept,
        codes=[(c.value, label(c.value)) for c in AwardCode],
        with_param=lambda key, value: (
            "?"
            + urlencode([*{**kept, key: value}.items(), *[(k, v) for k, v in extra if k != key]])
        ),
    )


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, user: PageArchivist) -> Response:
    return render(request, "upload.html", user)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request, archive: ArchiveDep, user: PageViewer, page: int = 1
) -> Response:
    page = max(1, page)
    with archive.db.read() as session:
        total = session.execute(
            select(func.count()).select_from(Document).where(kept(Document.id))
        ).scalar_one()
        documents = session.scalars(
            select(Document)
            .where(kept(Document.id))
            .order_by(Document.id.desc())
            .limit(PAGE_SIZE)
            .offset((page - 1) * PAGE_SIZE)
        ).all()
    return render(
        request, "documents.html", user, documents=documents, total=total,
        page_number=page, pages=max(1, -(-total // PAGE_SIZE)),
    )  # fmt: skip


def _row_confidences(record: dict[str, Any], seq: int) -> dict[str, float]:
    prefix = f"/awards/{seq - 1}/"
    found: dict[str, float] = {}
    for pointer, value in (record.get("field_confidence") or {}).items():
        if pointer.startswith(prefix) and (field := POINTER_FIELDS.get(pointer[len(prefix) :])):
            found[field] = float(value)
    return found


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(
    request: Request, document_id: DbId, archive: ArchiveDep, user: PageViewer
) -> Response:
    with archive.db.read() as session:
        document = kept_document(session, document_id)
        if document is None:
            return render(request, "not_found.html", user, 404, what=f"tài liệu {document_id}")
        decision = session.scalars(
            select(Decision).where(Decision.document_id == document_id)
        ).first()
        awards = session.scalars(
            select(Award).where(Award.document_id == document_id).order_by(Award.seq)
        ).all()
        corrected = corrections.latest(session, document_id)
        events = session.scalars(
            select(ProcessingEvent)
            .where(ProcessingEvent.document_id == document_id)
            .order_by(ProcessingEvent.id)
        ).all()
    record = decision.record if decision else {}
    low = set(record.get("low_confidence") or [])
    doc_fields = [
        ("/number", "number", decision.number if decision else None),
        ("/date", "date", decision.date.isoformat() if decision and decision.date else None),
        ("/issuer", "issuer", decision.issuer if decision else None),
        ("/signer/name", "signer_name", decision.signer_name if decision else None),
    ]
    rows = [
        {
            "award": award,
            "confidence": _row_confidences(record, award.seq),
            "corrected": {field for (seq, field) in corrected if seq == award.seq},
            "person": person_id(award.name_fold, award.unit_key),
            # What OCR itself read, where tone repair changed a name.
            "read_as": (record.get("ocr_readings") or {}).get(
                f"/awards/{award.seq - 1}/recipient/name"
            ),
        }
        for award in awards
    ]
    return render(
        request,
        "document.html",
        user,
        document=document,
        decision=decision,
        record=record,
        doc_fields=doc_fields,
        low=low,
        field_confidence=record.get("field_confidence") or {},
        rows=rows,
        doc_corrected={field for (seq, field) in corrected if seq is None},
        retention=retention_of(archive.settings.retention, document, decision),
        events=events,
        codes=[(c.value, label(c.value)) for c in AwardCode],
        signatures=[
            (signature, signature_sentence(signature), STATE_LABELS[signature.state])
            for signature in (
                PdfSignature.model_validate(item) for item in record.get("signatures") or []
            )
        ],
    )


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, archive: ArchiveDep, user: PageViewer) -> Response:
    with archive.db.read() as session:
        total, waiting = review_queue.waiting(session, 200, 0)
        ids = [document.id for document, _ in waiting]
        rows = (
            session.execute(
                select(Award.document_id, Award.seq, Award.id).where(Award.document_id.in_(ids))
            ).all()
            if ids
            else []
        )
    award_ids = {(document_id, seq): award_id for document_id, seq, award_id in rows}
    items = []
    for document, decision in waiting:
        pointers = (decision.record or {}).get("low_confidence") or [] if decision else []
        doubts = []
        for pointer in pointers:
            text, seq = _pointer_label(pointer)
            award_id = award_ids.get((document.id, seq)) if seq else None
            anchor = f"#award-{award_id}" if award_id else ""
            doubts.append((text, f"/documents/{document.id}{anchor}"))
        items.append({"document": document, "decision": decision, "low": doubts})
    return render(request, "review.html", user, total=total, items=items)


def _pointer_label(pointer: str) -> tuple[str, int | None]:
    """`/awards/4/recipient/name` → ("dòng 5: Họ và tên", 5): words, and the row's seq."""
    match = re.match(r"^/awards/(\d+)/(.+)$", pointer)
    if match:
        field = POINTER_FIELDS.get(match[2], match[2])
        return f"dòng {int(match[1]) + 1}: {FIELD_LABELS.get(field, field)}", int(match[1]) + 1
    return FIELD_LABELS.get(pointer, pointer), None


@router.get("/people/{pid}", response_class=HTMLResponse)
def person_page(request: Request, pid: str, archive: ArchiveDep, user: PageViewer) -> Response:
    with archive.db.read() as session:
        person = get_person(session, pid)
        if person is None:
            return render(request, "not_found.html", user, 404, what="người này")
        namesakes = [found for n in person.namesakes if (found := get_person(session, n))]
        joined = [
            found
            for n in person.members
            if n != person.id and (found := get_person(session, n, joined=False))
        ]
        verdicts = eligibility(person.awards, date.today().year)
        revokers = {
            d.document_id: d.number
            for d in session.scalars(
                select(Decision).where(
                    Decision.document_id.in_(
                        {
                            a.revoked_by_document_id
                            for a in person.awards
                            if a.revoked_by_document_id
                        }
                    )
                )
            )
        }
    return render(
        request, "person.html", user, person=person, namesakes=namesakes, joined=joined,
        verdicts=verdicts, revokers=revokers, year=date.today().year,
    )  # fmt: skip


@router.get("/reports", response_class=HTMLResponse)
def reports_page(request: Request, archive: ArchiveDep, user: PageViewer) -> Response:
    """The Báo cáo tab: a statistics form for a year, each number a link to its awards."""
    values = request.query_params
    form = values.get("form") or "0603.N"
    year_text = values.get("year") or str(date.today().year)
    year = int(year_text) if year_text.isdigit() and 1945 <= int(year_text) <= 2100 else None
    issuer = (values.get("issuer") or "").strip() or None
    reviewed_only = values.get("reviewed_only") == "1"
    report = None
    problem = None if year is not None else f"Năm không hợp lệ: {year_text}"
    try:
        query_limits.check_text("issuer", issuer)
    except query_limits.QueryTooLong as error:
        problem, year = query_limits.vietnamese(error), None
    if year is not None:
        with archive.db.read() as session:
            try:
                report = build_report(session, form, year, issuer, reviewed_only)
            except UnknownForm:
                problem = f"Không có biểu {form}"
    depth, heads = header_cells(report.columns) if report else (0, [])
    grid: list[list[HeaderCell]] = [[h for h in heads if h.row == level] for level in range(depth)]
    query = urlencode(
        {k: v for k, v in {"form": form, "year": year_text, "issuer": issuer or "",
                           "reviewed_only": "1" if reviewed_only else ""}.items() if v}
    )  # fmt: skip
    return render(
        request, "reports.html", user, nav="reports", report=report, problem=problem,
        form=form, forms=list(FORMS), year=year_text, issuer=issuer or "",
        reviewed_only=reviewed_only, header_grid=grid, depth=depth,
        numbers=number_cells(report.columns) if report else [], query=query,
        notes=notes(report) if report else [], cell_text=cell_text,
    )  # fmt: skip


@router.get("/batches/{batch_id}", response_class=HTMLResponse)
def batch_page(request: Request, batch_id: DbId, archive: ArchiveDep, user: PageViewer) -> Response:
    found = progress(archive, batch_id)
    if found is None:
        return render(request, "not_found.html", user, 404, what=f"lô {batch_id}")
    return render(request, "batch.html", user, batch=found, batch_id=batch_id)


@router.get("/admin/users", response_class=HTMLResponse)
def users_page(request: Request, archive: ArchiveDep, user: PageAdmin) -> Response:
    with archive.db.read() as session:
        users = session.scalars(select(User).order_by(User.name)).all()
    return render(request, "users.html", user, users=users, roles=Role.ALL)
