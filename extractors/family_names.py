"""Vietnamese family names (họ), folded, for telling a person's name from a unit's name.

Kinh family names first (by frequency), then common ethnic-minority family names
(Tày, Nùng, Thái, Mường, H'Mông, Dao, Ê Đê, Gia Rai, Khmer, Chăm…).
"""

from __future__ import annotations

from extractors.text_normalize import fold, normalize_tone_placement

_KINH = """
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương
Trịnh Trương Lâm Phùng Mai Tô Tạ Hà Hứa Lưu Đinh Cao Châu Chu Chung Diệp Đàm Đồng Giang
Hàn Hầu Khổng Khúc Kiều Kim La Lại Lạc Lục Lương Mạc Mạch Mẫn Nghiêm Ngọ Ngụy Nhan Ninh
Nông Ông Phí Phó Phương Quách Quan Tăng Thái Thân Thạch Thiều Tiêu Tôn Tống Trà Triệu
Trình Từ Văn Vi Viên Xa Yên Âu Bạch Bế Biện Cáp Cấn Cầm Chế Chử Công Cù Cung Doãn Du
Đạo Đậu Điêu Đông Đường Giáp Hạ Hàm Hán Hồng Kha Khâu Khiếu Khương Khuất Lã Lạng
Lăng Liễu Lò Lộc Luân Lữ Lường Mã Mầu Mông Mục Nghị Nguyên Nhâm Ô Phạm
Phiêu Phù Quang Quảng Quế Sái Sầm Sơn Tào Tạ Thang Thạch Thôi Tiết Tòng Trác Trang
Trầm Trương Tưởng Ứng Vàng Vy Yết Lèo Lù Mùa Giàng Thào Hảng Sùng Mè Pờ Sần Chảo Tẩn
Lìu Phàn Bàn Quàng Hoàng Ma Nịnh Lành Đèo Lìn Hờ Cứ Tráng Dìu Hoàng Danh Y Ksor
Kpă Nie Niê Mlô Êban Adrơng Rơ Siu Rah Buôn Byă Bkrông Hđok Ayun Kbuôr Ddăk Alio Tơr
Kiêm Phúc Lỡ Lư Tất Bá Bảo Cai Cù Đăng Khổng Khoa Lê Ngũ Nhữ Ôn Sử Thiệu Tiền
Tất Ung Uông Văn Vưu Xung Ưng Dư Cổ Cái Hoa Lãnh Lô Mang Nông Ôn Quyền Thiều Tôn
"""

# The family names most people carry, most common first.
_COMMON = """
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn
Vương Trịnh Trương Lâm Phùng Mai Tô Tạ Hà Đinh Cao Lương Lưu Triệu Kiều Chu
"""
COMMON_FAMILY_NAMES: tuple[str, ...] = tuple(_COMMON.split())

FAMILY_NAMES: frozenset[str] = frozenset(normalize_tone_placement(n).lower() for n in _KINH.split())
_FOLDED: frozenset[str] = frozenset(fold(name) for name in FAMILY_NAMES)
COMMON_FOLDED: frozenset[str] = frozenset(fold(name) for name in COMMON_FAMILY_NAMES)


def is_family_name(word: str) -> bool:
    """True for `Nguyễn`, `NGUYỄN`, `nguyen` (OCR lost the marks), `H'Hen`, `K'Sor`.

    Marks count when present: `Tô` is a family name, `Tổ` (a team) is not.
    """
    key = fold(word)
    if len(key) > 2 and key[1] in "'’" and key[0] in "hky":
        return True  # Ê Đê / Gia Rai / K'Ho given-name prefixes (H'Hen Niê, K'Briu)
    if word.isascii():
        return key in _FOLDED
    return normalize_tone_placement(word).lower() in FAMILY_NAMES
