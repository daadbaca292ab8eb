"""A digital signature's state said in one plain Vietnamese sentence, for people.

`Chữ ký số hợp lệ của UBND tỉnh Nam Định, ký lúc 10:15:30 ngày 22/05/2025; tệp không bị
sửa sau khi ký.` Times are Vietnam's (UTC+7), where decisions are signed. A signature
checked against no trust list is never called valid.
"""

from __future__ import annotations

from datetime import datetime

from extractors.signed_document import VIETNAM, signing_time
from schemas import PdfSignature, SignatureState

STATE_LABELS = {
    SignatureState.valid: "Hợp lệ",
    SignatureState.unchecked: "Chưa đối chiếu danh sách tin cậy",
    SignatureState.untrusted: "Không thuộc danh sách tin cậy",
    SignatureState.expired: "Chứng thư hết hạn khi ký",
    SignatureState.revoked: "Chứng thư đã bị thu hồi",
    SignatureState.invalid: "Không kiểm tra được",
    SignatureState.modified: "Tệp bị sửa sau khi ký",
}


def _who(signature: PdfSignature) -> str:
    organization, name = signature.signer_organization, signature.signer_name
    if organization and name and organization != name:
        return f"{name} ({organization})"
    return organization or name or "người ký không rõ"


def _when(signature: PdfSignature) -> str:
    moment: datetime | None = signing_time(signature)
    if moment is None:
        return "không ghi thời điểm ký"
    local = moment.astimezone(VIETNAM)
    said = f"ký lúc {local:%H:%M:%S} ngày {local:%d/%m/%Y}"
    if moment == signature.timestamp_at:
        said += " (theo dấu thời gian)"
    return said


def _file(signature: PdfSignature) -> str:
    if not signature.intact:
        return "nội dung đã ký bị thay đổi sau khi ký"
    if signature.modified_after_signing:
        return "tệp đã bị sửa sau khi ký"
    if signature.covers_whole_file:
        return "tệp không bị sửa sau khi ký"
    return "tệp không bị sửa sau khi ký (sau đó chỉ thêm chữ ký hoặc dữ liệu kiểm tra)"


def _issuer_name(signature: PdfSignature) -> str:
    for part in signature.issuer.split(", "):
        if part.startswith("CN="):
            return part[3:]
    return signature.issuer or "không rõ"


def signature_sentence(signature: PdfSignature) -> str:
    state, who, when = signature.state, _who(signature), _when(signature)
    if state is SignatureState.invalid:
        return f"Chữ ký số của {who} không kiểm tra được: chữ ký không khớp với tệp hoặc hỏng."
    if state is SignatureState.modified:
        return f"Chữ ký số của {who}, {when}; {_file(signature)}."
    if state is SignatureState.valid:
        return f"Chữ ký số hợp lệ của {who}, {when}; {_file(signature)}."
    reason = {
        SignatureState.unchecked: "chưa đối chiếu với danh sách chứng thư gốc tin cậy "
        "(chưa cấu hình)",
        SignatureState.untrusted: f"chứng thư số do «{_issuer_name(signature)}» cấp không "
        "thuộc danh sách tin cậy",
        SignatureState.expired: "chứng thư số không còn hiệu lực vào lúc ký",
        SignatureState.revoked: "chứng thư số đã bị thu hồi trước lúc ký (theo dữ liệu thu "
        "hồi kèm trong tệp)",
    }[state]
    return f"Chữ ký số của {who}, {when}; {_file(signature)}; nhưng {reason}."
