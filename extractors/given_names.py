"""Common Vietnamese given and middle names (tên, tên đệm), for repairing names' marks.

A name's syllables after the family name are where OCR's wrong tone marks do the most
harm (a wrong mark is a different person) and where the neighbouring-word counts of
`tone_repair` say nothing. Names are not free text, though: most people carry one of a
few hundred given names, and middle names come from a smaller set still. A syllable
read outside these sets, one mark away from exactly one name in them (`Thụ` for `Thu`,
`Vần` for `Vân`), is taken for that name; a syllable that is itself a common name is
never changed. Spellings are NFC with the traditional tone placement (`Hòa`, `Thủy`).
"""

from __future__ import annotations

from extractors.text_normalize import normalize_tone_placement

_GIVEN = """
An Anh Ánh Ân Bắc Bách Bằng Bảo Bích Bình Bổn Cảnh Cát Chi Chinh Chính Chiến Chung
Công Cúc Cường Danh Dân Diễm Diễn Diệp Diệu Dinh Doanh Dung Dũng Duy Duyên Dương
Đan Đào Đạt Đăng Điệp Định Đoan Đông Đức Giang Giao Hà Hải Hạnh Hào Hảo Hằng Hân
Hậu Hiền Hiển Hiếu Hiệp Hòa Hoa Hoài Hoan Hoàn Hoàng Hội Hồng Hợp Huấn Huệ Hùng
Hưng Hương Hường Hữu Huy Huyền Kha Khang Khanh Khánh Khoa Khôi Khuê Kiên Kiệt Kiều
Kim Kỳ Lam Lan Lâm Lệ Liên Liễu Linh Loan Lộc Lợi Long Luân Lực Lương Ly Lý Mai
Mạnh Minh My Mỹ Na Nam Nga Ngà Ngân Nghĩa Ngọc Nguyên Nguyệt Nhàn Nhân Nhật Nhi Nhung
Như Ninh Oanh Phát Phong Phú Phúc Phụng Phương Phượng Quân Quang Quế Quốc Quý Quyên
Quyết Quỳnh Sang Sáng Sơn Sương Tài Tâm Tân Thái Thắm Thắng Thanh Thành Thảo Thắm Thi
Thiện Thịnh Thoa Thơ Thông Thu Thuận Thục Thúy Thùy Thủy Thư Thương Tiến Tiên Tín Toàn
Trà Trâm Trân Trang Trí Trinh Trọng Trung Trúc Tú Tuấn Tùng Tuyền Tuyết Tư Tường Uyên
Vân Văn Vi Việt Vinh Vĩnh Võ Vũ Vy Xuân Yên Yến
Ái Bảy Bội Cần Cầm Châu Chánh Chương Chuyên Cương Dịu Đại Đạo Điền Đoàn Độ Gấm Giáp
Hạ Hiên Hiến Hoạt Huân Huế Hướng Khải Khiêm Khuyên Lài Lập Lễ Liêm Luận Lụa Lượng Lựu
Mẫn Mận Miên Mơ Nết Nghị Nhạn Nhài Nhị Nhiên Nhuận Nụ Phấn Phước Quảng Quyền Sen Sĩ
Sỹ Tạo Thạch Thêu Thể Thọ Thơm Thuần Thuyết Tiệp Tịnh Toản Toại Tráng Triều Trường
Tuân Tuệ Tươi Tưởng Ước Uyển Viên Vỹ Vượng Vương Vui Xuyến
"""

_MIDDLE = """
Anh Bá Bảo Bích Cao Công Diệu Duy Đăng Đình Đức Gia Hải Hoài Hoàng Hồng Hữu Huy Khắc
Khánh Kim Lan Mạnh Minh Mỹ Ngọc Như Phương Quang Quốc Thanh Thành Thảo Thế Thị Thu
Thúy Thùy Tiến Trọng Trung Tuấn Tường Văn Viết Xuân
"""


def _keys(words: str) -> frozenset[str]:
    return frozenset(normalize_tone_placement(w).lower() for w in words.split())


GIVEN_NAMES: frozenset[str] = _keys(_GIVEN)
MIDDLE_NAMES: frozenset[str] = _keys(_MIDDLE)
