"""Realistic Vietnamese full names, drawn without repetition from a seeded generator."""

from __future__ import annotations

import random

FAMILY = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Trịnh", "Mai", "Đoàn", "Tạ", "Cao", "Lại",
    "Kiều", "Quách", "Vương", "Khúc", "Triệu", "Hà", "Lưu", "Tô", "Nông", "Lò", "Thân", "Chu",
    "Phùng", "Đàm", "Âu", "Lâm", "Tăng", "Văn", "Doãn", "Nghiêm", "Giáp", "Từ", "Ninh", "Mạc",
]  # fmt: skip
# family names drawn more often, as in the population
FAMILY_WEIGHTS = [14, 8, 7, 6, 4, 3, 3, 4, 3, 3, 3, 3] + [1] * (len(FAMILY) - 12)

MIDDLE_F = [
    "Thị", "Thị", "Thị", "Thị Thanh", "Thị Thu", "Thị Ngọc", "Thị Minh", "Thị Hồng", "Thị Kim",
    "Ngọc", "Thu", "Thanh", "Hải", "Kim", "Diệu", "Phương", "Thúy", "Bích", "Mỹ", "Hoài", "Thị Lan",
]  # fmt: skip
MIDDLE_M = [
    "Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Công", "Xuân", "Anh", "Tiến",
    "Mạnh", "Bá", "Đình", "Trọng", "Ngọc", "Thế", "Duy", "Khắc", "Quốc", "Viết", "Đăng", "Hồng",
]  # fmt: skip
GIVEN_F = [
    "Hoa", "Lan", "Hương", "Thảo", "Nhung", "Huyền", "Yến", "Trang", "Ngân", "Loan", "Thủy",
    "Hằng", "Hạnh", "Duyên", "Oanh", "Phượng", "Quỳnh", "Tuyết", "Xuân", "Liễu", "Nguyệt",
    "Điệp", "Gấm", "Ánh", "Vân", "Dung", "Mai", "Lụa", "Thắm", "Hiền", "Nga", "Phúc", "Trinh",
    "Uyên", "Vy", "Khánh", "Hậu", "Lý", "Sương", "Thơ", "Diễm", "Huệ", "Nhàn", "Quyên", "Tâm",
]  # fmt: skip
GIVEN_M = [
    "An", "Bình", "Cường", "Dũng", "Hùng", "Khải", "Long", "Nghĩa", "Phúc", "Quyết", "Sơn",
    "Thắng", "Tuấn", "Việt", "Hưởng", "Lộc", "Đạt", "Hiếu", "Khoa", "Tùng", "Ước", "Kỳ", "Toản",
    "Chiến", "Hải", "Nam", "Thịnh", "Trung", "Vinh", "Đông", "Giang", "Hòa", "Lâm", "Mỹ", "Ngọc",
    "Phong", "Quân", "Tài", "Thuận", "Tú", "Vượng", "Bảo", "Cảnh", "Dương", "Hoàn", "Luận",
]  # fmt: skip


class NameGen:
    """Draws distinct full names; one instance per corpus so no name repeats across samples."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.used: set[str] = set()

    def name(self, female: bool) -> str:
        for _ in range(1000):
            fam = self.rng.choices(FAMILY, weights=FAMILY_WEIGHTS)[0]
            mid = self.rng.choice(MIDDLE_F if female else MIDDLE_M)
            giv = self.rng.choice(GIVEN_F if female else GIVEN_M)
            if giv in mid.split():
                continue
            full = f"{fam} {mid} {giv}"
            if full not in self.used:
                self.used.add(full)
                return full
        raise RuntimeError("name pool exhausted")

    def person(self) -> tuple[str, bool]:
        female = self.rng.random() < 0.62  # teaching staff are mostly women
        return self.name(female), female
